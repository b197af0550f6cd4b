using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Tags;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="ITagStore"/> on EF Core. Machines carry tags by name in their tag list, so a rename
/// or delete rewrites the list of every machine that carries the tag, with a compare-and-set on
/// each machine's version, in the same transaction as the tag; a machine changed meanwhile makes
/// the whole change start again (a few times at most).
/// </summary>
public sealed class TagStore(IDbContextFactory<IngotDbContext> contexts) : ITagStore
{
    private const int Attempts = 5;

    public async Task<IReadOnlyList<Tag>> ListAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Tags.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
    }

    public async Task<Tag?> FindAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name, ct);
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Tags.AnyAsync(t => t.Name == name, ct);
    }

    public async Task<IReadOnlyList<string>> MachinesAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Machines.Where(m => m.Tags.Contains(name)).OrderBy(m => m.Id).Select(m => m.SystemId).ToListAsync(ct);
    }

    public async Task AddAsync(Tag tag, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.Tags.Add(tag);
        await UniqueNames.SaveAsync(contexts, db, d => d.Tags.AnyAsync(t => t.Name == tag.Name, ct), Taken, ct);
    }

    public Task<bool> UpdateAsync(Tag tag, CancellationToken ct) => RetryAsync(async db =>
    {
        Tag? row = await db.Tags.FirstOrDefaultAsync(t => t.Id == tag.Id, ct);
        if (row is null)
        {
            return false;
        }

        string oldName = row.Name;
        row.Name = tag.Name;
        row.Definition = tag.Definition;
        row.Comment = tag.Comment;
        row.KernelOpts = tag.KernelOpts;
        row.Updated = tag.Updated;
        await UniqueNames.SaveAsync(contexts, db, d => d.Tags.AnyAsync(t => t.Name == tag.Name && t.Id != tag.Id, ct), Taken, ct);
        if (oldName != tag.Name)
        {
            await RewriteMachinesAsync(db, oldName, tag.Name, ct);
        }

        return true;
    }, ct);

    public Task<bool> DeleteAsync(string name, CancellationToken ct) => RetryAsync(async db =>
    {
        if (await db.Tags.Where(t => t.Name == name).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        await RewriteMachinesAsync(db, name, null, ct);
        return true;
    }, ct);

    /// <summary>Replaces <paramref name="from"/> by <paramref name="to"/> (or removes it) in each machine's tags; CAS on the version.</summary>
    private static async Task RewriteMachinesAsync(IngotDbContext db, string from, string? to, CancellationToken ct)
    {
        List<Machine> machines = await db.Machines.Where(m => m.Tags.Contains(from)).ToListAsync(ct);
        foreach (Machine machine in machines)
        {
            List<string> tags = [.. machine.Tags.Where(t => t != from)];
            if (to is not null && !tags.Contains(to))
            {
                tags.Add(to);
            }

            machine.Tags = tags;
            db.Entry(machine).Property(m => m.Version).CurrentValue = machine.Version + 1;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> RetryAsync(Func<IngotDbContext, Task<bool>> change, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            await using IngotDbContext db = contexts.CreateDbContext();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                bool done = await change(db);
                await transaction.CommitAsync(ct);
                return done;
            }
            catch (Exception e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || StoreErrors.IsConcurrencyAbort(e)))
            {
                // A machine that carries the tag changed meanwhile: nothing was written; start again.
            }
        }
    }

    private static Exception Taken() => FormErrors.OnField("name", TagForm.NameTaken);
}
