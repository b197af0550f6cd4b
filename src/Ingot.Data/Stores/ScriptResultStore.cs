using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IScriptResultStore"/> on EF Core. A set's save is a compare-and-set on its version (<see cref="ScriptSetWrite"/>).</summary>
public sealed class ScriptResultStore(IDbContextFactory<IngotDbContext> contexts) : IScriptResultStore
{
    public async Task<ScriptSet?> FindSetAsync(string systemId, ScriptSetKind kind, int run, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return ScriptResultsAsRead.Remember(await WithResults(db).FirstOrDefaultAsync(s => s.SystemId == systemId && s.Kind == kind && s.Run == run, ct));
    }

    public async Task<ScriptSet?> LatestSetAsync(string systemId, ScriptSetKind kind, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return ScriptResultsAsRead.Remember(await WithResults(db).Where(s => s.SystemId == systemId && s.Kind == kind).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct));
    }

    public async Task<ScriptSet?> FindSetByIdAsync(long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return ScriptResultsAsRead.Remember(await WithResults(db).FirstOrDefaultAsync(s => s.Id == id, ct));
    }

    public async Task<IReadOnlyList<ScriptSet>> SetsAsync(string systemId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return ScriptResultsAsRead.Remember(await WithResults(db).Where(s => s.SystemId == systemId).OrderByDescending(s => s.Id).ToListAsync(ct));
    }

    public async Task<ScriptSet> AddSetAsync(ScriptSet set, CancellationToken ct)
    {
        await using (IngotDbContext db = contexts.CreateDbContext())
        {
            db.ScriptSets.Add(set);
            try
            {
                await db.SaveChangesAsync(ct);
                return set;
            }
            catch (DbUpdateException)
            {
                // The same (machine, kind, run) was added meanwhile: the unique index kept that one.
            }
        }

        return await FindSetAsync(set.SystemId, set.Kind, set.Run, ct)
            ?? throw new InvalidOperationException($"The script set of machine {set.SystemId} could not be stored.");
    }

    public async Task SaveSetAsync(ScriptSet set, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        var write = ScriptSetWrite.Stage(db, set);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || StoreErrors.IsConcurrencyAbort(e))
        {
            write.Undo();
            throw new MachineConflictException(set.SystemId, set.Version);
        }
        catch
        {
            write.Undo();
            throw;
        }
    }

    public async Task DeleteForMachineAsync(string systemId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await db.ScriptSets.Where(s => s.SystemId == systemId).ExecuteDeleteAsync(ct);
    }

    private static IQueryable<ScriptSet> WithResults(IngotDbContext db) =>
        db.ScriptSets.AsNoTracking().Include(s => s.Results.OrderBy(r => r.Id));
}
