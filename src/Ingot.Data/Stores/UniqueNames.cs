using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// Inserts and updates of rows with a unique name: the name is checked first for MAAS's field
/// error, and a unique-index violation from a concurrent writer is turned into the same error.
/// </summary>
internal static class UniqueNames
{
    /// <summary>Saves <paramref name="db"/>'s changes; a clash on the name throws <paramref name="taken"/>.</summary>
    public static async Task SaveAsync(
        IDbContextFactory<IngotDbContext> contexts,
        IngotDbContext db,
        Func<IngotDbContext, Task<bool>> nameInUse,
        Func<Exception> taken,
        CancellationToken ct)
    {
        if (await nameInUse(db))
        {
            throw taken();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await using IngotDbContext check = contexts.CreateDbContext();
            if (await nameInUse(check))
            {
                throw taken();
            }

            throw;
        }
    }
}
