using System.Runtime.CompilerServices;
using Ingot.Core.Machines;
using Ingot.Data.Model;
using Ingot.Data.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// How <see cref="MachineStore"/> reads machines: untracked, in plain queries (machines; disks, then
/// their partitions; interfaces, then their links: EF's split query for the owned collections, which
/// SQLite would otherwise materialise whole for a join) stitched together in memory, never one join
/// whose rows multiply disks by interfaces. Child rows are selected by machine id: every row for a
/// whole-table read (whose three queries run in parallel, each on its own connection), one id for a
/// single machine, else the parent query as a subquery. Power parameters are decrypted only when
/// asked for; a machine read without them is remembered so that saving it leaves them alone.
/// </summary>
internal sealed class MachineReads(IDbContextFactory<IngotDbContext> contexts, SecretsAtRest secrets)
{
    /// <summary>The empty dictionary each machine read without power parameters was given, by machine.</summary>
    private readonly ConditionalWeakTable<Machine, Dictionary<string, string>> _unread = [];

    /// <summary>Whether <paramref name="machine"/> was read without power parameters and the caller has not touched them since.</summary>
    public bool PowerParametersUnread(Machine machine) =>
        _unread.TryGetValue(machine, out var placeholder) && ReferenceEquals(placeholder, machine.PowerParameters) && placeholder.Count == 0;

    /// <summary>Every machine, in id order.</summary>
    public async Task<List<Machine>> LoadAllAsync(bool powerParameters, CancellationToken ct)
    {
        await using IngotDbContext machineContext = contexts.CreateDbContext();
        await using IngotDbContext diskContext = contexts.CreateDbContext();
        await using IngotDbContext interfaceContext = contexts.CreateDbContext();
        Task<List<Machine>> machines = LoadMachinesAsync(machineContext.Machines, powerParameters, ct);
        var disks = Children(diskContext.BlockDevices, null, null).ToListAsync(ct);
        var interfaces = Children(interfaceContext.Interfaces, null, null).ToListAsync(ct);
        await Task.WhenAll(machines, disks, interfaces);
        return Stitch(await machines, await disks, await interfaces);
    }

    /// <summary>The machines of <paramref name="query"/> (a filter over <see cref="IngotDbContext.Machines"/>), in id order.</summary>
    public async Task<List<Machine>> LoadAsync(IngotDbContext db, IQueryable<Machine> query, bool powerParameters, CancellationToken ct)
    {
        List<Machine> machines = await LoadMachinesAsync(query, powerParameters, ct);
        if (machines.Count == 0)
        {
            return machines;
        }

        long? single = machines.Count == 1 ? machines[0].Id : null;
        IQueryable<long> ids = query.Select(m => m.Id);
        var disks = await Children(db.BlockDevices, single, ids).ToListAsync(ct);
        var interfaces = await Children(db.Interfaces, single, ids).ToListAsync(ct);
        return Stitch(machines, disks, interfaces);
    }

    private async Task<List<Machine>> LoadMachinesAsync(IQueryable<Machine> query, bool powerParameters, CancellationToken ct)
    {
        query = query.AsNoTracking().OrderBy(m => m.Id);
        if (!powerParameters)
        {
            List<Machine> bare = await query.ToListAsync(ct);
            foreach (Machine machine in bare)
            {
                _unread.AddOrUpdate(machine, machine.PowerParameters);
            }

            return bare;
        }

        var rows = await query
            .Select(m => new { Machine = m, Protected = EF.Property<string>(m, ShadowColumns.PowerParameters) })
            .ToListAsync(ct);
        var machines = new List<Machine>(rows.Count);
        foreach (var row in rows)
        {
            row.Machine.PowerParameters = secrets.UnprotectPowerParameters(row.Protected);
            machines.Add(row.Machine);
        }

        return machines;
    }

    private static List<Machine> Stitch(List<Machine> machines, List<Owned<Core.Hardware.BlockDevice>> disks, List<Owned<Core.Hardware.NetworkInterface>> interfaces)
    {
        Dictionary<long, Machine> byId = machines.ToDictionary(m => m.Id);
        foreach (Machine machine in machines)
        {
            machine.BlockDevices = [];
            machine.Interfaces = [];
        }

        foreach (var disk in disks)
        {
            if (byId.TryGetValue(disk.MachineId, out Machine? machine))
            {
                machine.BlockDevices.Add(disk.Row);
            }
        }

        foreach (var nic in interfaces)
        {
            if (byId.TryGetValue(nic.MachineId, out Machine? machine))
            {
                machine.Interfaces.Add(nic.Row);
            }
        }

        return machines;
    }

    /// <summary>A disk's or interface's rows (with what it owns) and the machine they belong to, in id order.</summary>
    private static IQueryable<Owned<TRow>> Children<TRow>(DbSet<TRow> rows, long? single, IQueryable<long>? ids)
        where TRow : class
    {
        IQueryable<TRow> selected = rows.AsNoTracking().AsSplitQuery();
        if (single is { } id)
        {
            selected = selected.Where(r => EF.Property<long>(r, ShadowColumns.MachineId) == id);
        }
        else if (ids is not null)
        {
            selected = selected.Where(r => ids.Contains(EF.Property<long>(r, ShadowColumns.MachineId)));
        }

        return selected
            .OrderBy(r => EF.Property<long>(r, "Id"))
            .Select(r => new Owned<TRow>(r, EF.Property<long>(r, ShadowColumns.MachineId)));
    }

    private sealed record Owned<TRow>(TRow Row, long MachineId);
}
