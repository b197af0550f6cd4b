using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
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

    public async Task<IReadOnlyDictionary<string, ScriptSetSummary>> SummariesAsync(IReadOnlyCollection<string>? systemIds, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        IQueryable<ScriptSet> sets = db.ScriptSets.AsNoTracking();
        if (systemIds is not null)
        {
            string[] ids = [.. systemIds];
            sets = sets.Where(s => ids.Contains(s.SystemId));
        }

        // Per (machine, kind): the newest set and the set of the highest run (unique by the (machine, kind, run) index).
        var heads = await (
            from h in sets.GroupBy(s => new { s.SystemId, s.Kind })
                .Select(g => new { g.Key.SystemId, g.Key.Kind, NewestId = g.Max(s => s.Id), LastRun = g.Max(s => s.Run) })
            join s in db.ScriptSets on new { h.SystemId, h.Kind, Run = h.LastRun } equals new { s.SystemId, s.Kind, s.Run }
            select new { h.SystemId, h.Kind, h.NewestId, h.LastRun, LastRunId = s.Id }).ToListAsync(ct);

        // The latest result of each testing and commissioning script by name, across the machine's sets of that kind;
        // distinct rows only: for testing (script, status) pairs (the name only where no script id says which script it
        // is), for commissioning the status alone (MAAS rolls commissioning results up without hardware types).
        var results = from r in db.ScriptResults
                      join s in sets.Where(s => s.Kind == ScriptSetKind.Testing || s.Kind == ScriptSetKind.Commissioning) on r.ScriptSetId equals s.Id
                      select new { s.SystemId, s.Kind, r.Name, r.ScriptId, r.Id, r.Status };
        var latestIds = results.GroupBy(t => new { t.SystemId, t.Kind, t.Name }).Select(g => g.Max(t => t.Id));
        var latestRows = await results.Where(t => latestIds.Contains(t.Id))
            .Select(t => new
            {
                t.SystemId,
                t.Kind,
                ScriptId = t.Kind == ScriptSetKind.Testing ? t.ScriptId : null,
                Name = t.Kind == ScriptSetKind.Testing && t.ScriptId == null ? t.Name : null,
                t.Status,
            })
            .Distinct().ToListAsync(ct);
        var latest = latestRows.Where(t => t.Kind == ScriptSetKind.Testing).ToList();
        ILookup<string, ScriptStatus> commissioning = latestRows.Where(t => t.Kind == ScriptSetKind.Commissioning)
            .ToLookup(t => t.SystemId, t => t.Status, StringComparer.Ordinal);

        long[] userRows = [.. latest.Where(t => t.ScriptId >= Script.UserIdBase).Select(t => t.ScriptId!.Value - Script.UserIdBase).Distinct()];
        Dictionary<long, int> userScripts = userRows.Length == 0
            ? []
            : await db.Scripts.AsNoTracking().Where(s => userRows.Contains(s.RowId))
                .ToDictionaryAsync(s => Script.UserIdBase + s.RowId, s => s.HardwareType, ct);
        ILookup<string, LatestTestingResult> byMachine = latest.ToLookup(
            t => t.SystemId,
            t => new LatestTestingResult(LatestTestingResult.HardwareTypeOf(t.ScriptId, t.Name, userScripts), t.Status),
            StringComparer.Ordinal);
        return heads.GroupBy(h => h.SystemId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new ScriptSetSummary(
                g.Key, [.. g.Select(h => new ScriptSetHead(h.Kind, h.NewestId, h.LastRun, h.LastRunId))], [.. byMachine[g.Key].Distinct()], [.. commissioning[g.Key].Distinct()]),
            StringComparer.Ordinal);
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
