using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Networks;
using Ingot.Core.Power;
using Ingot.Core.Scripts;
using Ingot.Data.Model;
using Ingot.Data.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="IMachineStore"/> on EF Core. Each call uses its own context, so one instance serves
/// every thread. A save is one transaction: <c>UPDATE machines ... WHERE id = @id AND version =
/// @expected</c> (the version goes up by one), the disk and interface rows rewritten if the
/// hardware changed, and the pending events inserted. If the version moved on, nothing is written
/// and <see cref="MachineConflictException"/> is thrown; a save this process already knows would
/// lose (<see cref="SaveClaims"/>) or whose rows another writer holds (PostgreSQL, <c>NOWAIT</c>)
/// is refused the same way without waiting. Reads are untracked (<see cref="MachineReads"/>): the
/// machines, then their disks and interfaces as flat rows, stitched in memory; power parameters are
/// decrypted only when the <see cref="MachineQuery"/> asks for them, and disks and interfaces left out when
/// it says so: such a machine cannot be saved (it could not carry its hardware), only claimed by an
/// allocation (<see cref="MachineClaims"/>), which writes the acquire's columns alone. A save of a machine whose power
/// parameters were read also links it to its BMC (<see cref="BmcLinks"/>, with the scopes of
/// <paramref name="powerTypes"/> when given) in the same transaction, and the script sets a save carries
/// (a signal's) are written in it too, with their own compare-and-set (<see cref="ScriptSetWrite"/>).
/// The disk and interface rows are read and compared only when this process does not know them already
/// (<see cref="StoredHardware"/>): most saves are status changes of a machine this process saved last.
/// </summary>
public sealed class MachineStore(IDbContextFactory<IngotDbContext> contexts, SecretsAtRest secrets, PowerTypeCatalog? powerTypes = null) : IMachineStore
{
    private static readonly MachineStatus[] s_enlisting = [MachineStatus.New, MachineStatus.Commissioning];
    private static readonly MachineStatus[] s_monitored = [.. MachineStatuses.Monitored];
    private readonly MachineReads _reads = new(contexts, secrets);
    private readonly SaveClaims _claims = new();
    private readonly StoredHardware _hardware = new();
    private readonly BmcLinks _bmcs = new(secrets, powerTypes);

    public Task<Machine?> FindAsync(string systemId, CancellationToken ct) => _reads.FindAsync(systemId, ct);

    public Task<IReadOnlyList<Machine>> ListAsync(CancellationToken ct) => ListAsync(MachineQuery.All, ct);

    public async Task<IReadOnlyList<Machine>> ListAsync(MachineQuery query, CancellationToken ct)
    {
        if (query.Statuses is null)
        {
            return await _reads.LoadAllAsync(query.PowerParameters, ct);
        }

        MachineStatus[] wanted = [.. query.Statuses];
        await using IngotDbContext db = contexts.CreateDbContext();
        return await _reads.LoadAsync(db, db.Machines.Where(m => wanted.Contains(m.Status)), query.PowerParameters, query.Hardware, ct);
    }

    public async Task AddAsync(Machine machine, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        foreach (BlockDevice disk in machine.BlockDevices)
        {
            disk.Id = 0;
        }

        foreach (NetworkInterface nic in machine.Interfaces)
        {
            nic.Id = 0;
        }

        long previousVersion = machine.Version;
        long? previousBmc = machine.BmcId;
        secrets.EnsureKey();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        long? leftBmc = await _bmcs.LinkAsync(db, machine, [], ct);
        var entry = db.Add(machine);
        MachineWrites.WriteShadowColumns(db, machine, secrets);
        entry.Property(m => m.Version).CurrentValue = 1;
        MachineWrites.AddEvents(db, machine);
        try
        {
            await db.SaveChangesAsync(ct);
            await BmcLinks.DeleteIfOrphanAsync(db, leftBmc, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            entry.Property(m => m.Version).CurrentValue = previousVersion;
            machine.BmcId = previousBmc;
            await transaction.RollbackAsync(CancellationToken.None);
            if (StoreErrors.IsHostnameTaken(e))
            {
                throw new HostnameTakenException(machine.Hostname);
            }

            await using IngotDbContext check = contexts.CreateDbContext();
            if (await check.Machines.AnyAsync(m => m.SystemId == machine.SystemId, ct))
            {
                throw new InvalidOperationException($"A machine with system_id {machine.SystemId} already exists.");
            }

            throw;
        }

        machine.Saved(1);
    }

    public Task SaveAsync(Machine machine, CancellationToken ct) => SaveAllAsync([machine], [], ct);

    public Task SaveAsync(Machine machine, IReadOnlyList<ScriptSet> scriptSets, CancellationToken ct) => SaveAllAsync([machine], scriptSets, ct);

    public Task SaveAsync(Machine machine, LinkAddresses addresses, CancellationToken ct) => SaveAllAsync([machine], [], ct, addresses);

    public Task SaveAllAsync(IReadOnlyList<Machine> machines, CancellationToken ct) => SaveAllAsync(machines, [], ct);

    private async Task SaveAllAsync(IReadOnlyList<Machine> machines, IReadOnlyList<ScriptSet> scriptSets, CancellationToken ct, LinkAddresses? addresses = null)
    {
        if (machines.Count == 0)
        {
            return;
        }

        if (machines.DistinctBy(m => m.SystemId).Count() != machines.Count)
        {
            throw new ArgumentException("Each machine may appear only once.", nameof(machines));
        }

        if (machines.FirstOrDefault(_reads.ReadWithoutHardware) is { } bare)
        {
            throw new InvalidOperationException($"Machine {bare.SystemId} was read without its disks and interfaces: read it whole to save it (or claim it).");
        }

        // One order for every writer, so two bulk saves cannot deadlock on each other's rows.
        List<Machine> ordered = [.. machines.OrderBy(m => m.Id)];
        var expected = ordered.ToDictionary(m => m.SystemId, m => m.Version);
        if (_claims.TryClaim(ordered) is { } refused)
        {
            throw new MachineConflictException(refused.Machine.SystemId, refused.Machine.Version) { InFlight = refused.InFlight };
        }

        try
        {
            await SaveClaimedAsync(ordered, expected, scriptSets, addresses, ct);
        }
        finally
        {
            _claims.Release(ordered);
        }
    }

    private async Task SaveClaimedAsync(List<Machine> ordered, Dictionary<string, long> expected, IReadOnlyList<ScriptSet> scriptSets, LinkAddresses? addresses, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var bmcs = new Dictionary<Machine, long?>();
        var sets = new List<ScriptSetWrite>();
        var hardware = new Dictionary<Machine, HardwareHashes?>();
        secrets.EnsureKey();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RowLocks.TakeOrFailAsync(db, ordered, ct);
            long[] batch = [.. ordered.Select(m => m.Id)];
            var leftBmcs = new List<long?>();
            foreach (Machine machine in ordered.Where(m => !_reads.PowerParametersUnread(m)))
            {
                bmcs[machine] = machine.BmcId;
                leftBmcs.Add(await _bmcs.LinkAsync(db, machine, batch, ct));
            }

            foreach (Machine machine in ordered)
            {
                var entry = db.Entry(machine);
                entry.State = EntityState.Modified;
                if (_reads.PowerParametersUnread(machine))
                {
                    // Read without power parameters (MachineQuery.PowerParameters = false): keep the stored ones.
                    entry.Property<string>(ShadowColumns.PowerParameters).IsModified = false;
                    entry.Property<string?>(ShadowColumns.PowerAddress).IsModified = false;
                }
                else
                {
                    MachineWrites.WriteShadowColumns(db, machine, secrets);
                }
                entry.Property(m => m.Version).OriginalValue = machine.Version;
                entry.Property(m => m.Version).CurrentValue = machine.Version + 1;
            }

            await db.SaveChangesAsync(ct);
            hardware = await HardwareRows.ReplaceIfChangedAsync(db, ordered, _hardware, expected, ct);
            foreach (Machine machine in ordered)
            {
                MachineWrites.AddEvents(db, machine);
            }

            sets.AddRange(scriptSets.Select(set => ScriptSetWrite.Stage(db, set)));
            await db.SaveChangesAsync(ct);
            if (addresses is not null)
            {
                // After the interface rows are written: a bridge's new id is known.
                await LinkAddressRows.SettleAsync(db, addresses, ct);
            }

            foreach (long? left in leftBmcs)
            {
                await BmcLinks.DeleteIfOrphanAsync(db, left, ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || StoreErrors.IsConcurrencyAbort(e) || RowLocks.IsBusy(e))
        {
            MachineWrites.RestoreBmcs(bmcs);
            MachineWrites.RestoreVersions(db, ordered, expected);
            sets.ForEach(s => s.Undo());
            Machine loser = (e as DbUpdateConcurrencyException)?.Entries.Select(x => x.Entity).OfType<Machine>().FirstOrDefault() ?? ordered[0];
            throw new MachineConflictException(loser.SystemId, expected[loser.SystemId]);
        }
        catch (DbUpdateException e) when (StoreErrors.IsHostnameTaken(e))
        {
            MachineWrites.RestoreBmcs(bmcs);
            MachineWrites.RestoreVersions(db, ordered, expected);
            sets.ForEach(s => s.Undo());
            string taken = ordered.Count == 1 ? ordered[0].Hostname : string.Join(", ", ordered.Select(m => m.Hostname));
            throw new HostnameTakenException(taken);
        }
        catch
        {
            MachineWrites.RestoreBmcs(bmcs);
            MachineWrites.RestoreVersions(db, ordered, expected);
            sets.ForEach(s => s.Undo());
            throw;
        }

        foreach (Machine machine in ordered)
        {
            _claims.Written(machine.Id, expected[machine.SystemId] + 1);
            if (hardware[machine] is { } kept)
            {
                _hardware.Remember(machine, expected[machine.SystemId] + 1, kept);
            }
            else
            {
                _hardware.Forget(machine.Id);
            }

            machine.Saved(expected[machine.SystemId] + 1);
        }
    }

    public Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct) =>
        new MachineClaims(contexts, _claims).ClaimAsync(candidates, acquire, ct);

    public async Task DeleteAsync(Machine machine, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            int deleted = await db.Machines
                .Where(m => m.Id == machine.Id && m.Version == machine.Version)
                .ExecuteDeleteAsync(ct);
            if (deleted == 0)
            {
                throw new MachineConflictException(machine.SystemId, machine.Version);
            }

            MachineWrites.AddEvents(db, machine);
            await db.SaveChangesAsync(ct);
            await BmcLinks.DeleteIfOrphanAsync(db, machine.BmcId, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (StoreErrors.IsConcurrencyAbort(e))
        {
            throw new MachineConflictException(machine.SystemId, machine.Version);
        }

        _claims.Written(machine.Id, machine.Version + 1);
        _hardware.Forget(machine.Id);
        machine.Saved(machine.Version + 1);
    }

    public async Task<IReadOnlyList<Machine>> FindExpiredAsync(DateTime now, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await _reads.LoadAsync(
            db,
            db.Machines.Where(m => s_monitored.Contains(m.Status) && m.StatusExpires != null && m.StatusExpires <= now),
            powerParameters: true,
            ct);
    }

    public async Task<IReadOnlyList<string>> PowerWorkAsync(DateTime now, IReadOnlySet<string> liveRegions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(liveRegions);
        string[] live = [.. liveRegions];
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Machines.AsNoTracking()
            .Where(m => m.RequestedPower != PowerRequest.None
                || (m.ClaimedPower != PowerRequest.None
                    && ((m.PowerClaimExpires != null && m.PowerClaimExpires <= now)
                        || (m.PowerClaimedBy != null && !live.Contains(m.PowerClaimedBy)))))
            .OrderBy(m => m.Id)
            .Select(m => m.SystemId)
            .ToListAsync(ct);
    }

    public async Task<Machine?> FindEnlistingByPowerAddressAsync(string powerAddress, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await FirstAsync(
            db,
            db.Machines.Where(m => s_enlisting.Contains(m.Status)
                && EF.Property<string?>(m, ShadowColumns.PowerAddress) == powerAddress),
            ct);
    }

    public async Task<Machine?> FindEnlistingByMacAsync(IReadOnlyCollection<MacAddress> macs, CancellationToken ct)
    {
        if (macs.Count == 0)
        {
            return null;
        }

        // The status is checked on the few machines with these MACs: in SQL, SQLite walks the status index instead
        // (every machine NEW or COMMISSIONING, the whole fleet in a storm) and tests each against the MACs.
        MacAddress[] wanted = [.. macs];
        await using IngotDbContext db = contexts.CreateDbContext();
        List<Machine> owners = await _reads.LoadAsync(db, MacLookup.Having(db, db.Machines, wanted), powerParameters: true, ct);
        return owners.Where(m => s_enlisting.Contains(m.Status)).MinBy(m => m.Id);
    }

    public async Task<Machine?> FindByMacAsync(MacAddress mac, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await FirstAsync(db, MacLookup.Having(db, db.Machines, [mac]), ct);
    }

    public async Task<IReadOnlySet<string>> TakenHostnamesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct)
    {
        string[] wanted = [.. hostnames];
        await using IngotDbContext db = contexts.CreateDbContext();
        List<string> taken = await db.Machines.AsNoTracking()
            .Where(m => wanted.Contains(m.Hostname)).Select(m => m.Hostname).ToListAsync(ct);
        return taken.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<MachineEvent>> EventsAsync(string systemId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Events.AsNoTracking()
            .Where(e => EF.Property<string>(e, ShadowColumns.SystemId) == systemId)
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
    }

    private async Task<Machine?> FirstAsync(IngotDbContext db, IQueryable<Machine> query, CancellationToken ct) =>
        (await _reads.LoadAsync(db, query.OrderBy(m => m.Id).Take(1), powerParameters: true, ct)).FirstOrDefault();
}
