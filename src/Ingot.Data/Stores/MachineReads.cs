using System.Runtime.CompilerServices;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Data.Model;
using Ingot.Data.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// How <see cref="MachineStore"/> reads machines. The whole table and a machine by system_id are
/// plain SQL turned into objects by hand (<see cref="MachineRows"/>): the whole table in three
/// batches run in parallel, each on its own connection; one machine in one batch (one round trip).
/// Filtered reads are untracked EF, in plain queries (machines; disks, then their partitions;
/// interfaces, then their links) whose child rows are selected by machine id (one id for a single
/// machine, else the parent query as a subquery). Either way the parts are stitched together in
/// memory, never one join whose rows multiply disks by interfaces. Power parameters are decrypted
/// only when asked for; a machine read without them is remembered so that saving it leaves them alone.
/// </summary>
internal sealed class MachineReads(IDbContextFactory<IngotDbContext> contexts, SecretsAtRest secrets)
{
    /// <summary>The empty dictionary each machine read without power parameters was given, by machine.</summary>
    private readonly ConditionalWeakTable<Machine, Dictionary<string, string>> _unread = [];

    /// <summary>The empty disk and interface lists each machine read without hardware was given, by machine.</summary>
    private readonly ConditionalWeakTable<Machine, Tuple<List<BlockDevice>, List<NetworkInterface>>> _bare = [];

    /// <summary>
    /// Whether <paramref name="machine"/> was read without its disks and interfaces (whatever the caller
    /// did to its lists since): such a machine is never saved whole (<see cref="MachineStore"/> refuses it),
    /// only claimed (<see cref="MachineClaims"/>), which writes no hardware.
    /// </summary>
    public bool ReadWithoutHardware(Machine machine) => _bare.TryGetValue(machine, out _);

    /// <summary>Whether <paramref name="machine"/> was read without power parameters and the caller has not touched them since.</summary>
    public bool PowerParametersUnread(Machine machine) =>
        _unread.TryGetValue(machine, out var placeholder) && ReferenceEquals(placeholder, machine.PowerParameters) && placeholder.Count == 0;

    /// <summary>Every machine, in id order.</summary>
    public async Task<List<Machine>> LoadAllAsync(bool powerParameters, CancellationToken ct)
    {
        await using IngotDbContext machineContext = contexts.CreateDbContext();
        await using IngotDbContext diskContext = contexts.CreateDbContext();
        await using IngotDbContext interfaceContext = contexts.CreateDbContext();
        Task<List<Machine>> machines = MachineRows.MachinesAsync(machineContext, powerParameters ? secrets.UnprotectPowerParameters : null, ct);
        var disks = MachineRows.DisksAsync(diskContext, ct);
        var interfaces = MachineRows.InterfacesAsync(interfaceContext, ct);
        await Task.WhenAll(machines, disks, interfaces);
        List<Machine> all = await machines;
        if (!powerParameters)
        {
            Unread(all);
        }

        return Stitch(all, await disks, await interfaces);
    }

    /// <summary>The machine with this system_id, power parameters included, in one round trip; null when there is none.</summary>
    public async Task<Machine?> FindAsync(string systemId, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        if (await MachineRows.FindAsync(db, systemId, secrets.UnprotectPowerParameters, ct) is not { } found)
        {
            return null;
        }

        return Stitch([found.Machine], found.Disks, found.Interfaces)[0];
    }

    /// <summary>
    /// The machines of <paramref name="query"/> (a filter over <see cref="IngotDbContext.Machines"/>), in
    /// id order; without hardware their disks and interfaces are left empty and remembered
    /// as read without hardware (see <see cref="ReadWithoutHardware"/>).
    /// </summary>
    public Task<List<Machine>> LoadAsync(IngotDbContext db, IQueryable<Machine> query, bool powerParameters, CancellationToken ct) =>
        LoadAsync(db, query, powerParameters, hardware: true, ct);

    /// <summary>The machines of <paramref name="query"/>, with their disks and interfaces only if <paramref name="hardware"/>.</summary>
    public async Task<List<Machine>> LoadAsync(IngotDbContext db, IQueryable<Machine> query, bool powerParameters, bool hardware, CancellationToken ct)
    {
        List<Machine> machines = await LoadMachinesAsync(query, powerParameters, ct);
        if (!hardware)
        {
            foreach (Machine machine in machines)
            {
                machine.BlockDevices = [];
                machine.Interfaces = [];
                _bare.AddOrUpdate(machine, Tuple.Create(machine.BlockDevices, machine.Interfaces));
            }

            return machines;
        }

        if (machines.Count == 0)
        {
            return machines;
        }

        long? single = machines.Count == 1 ? machines[0].Id : null;
        IQueryable<long> ids = query.Select(m => m.Id);
        var disks = await HardwareReads.DisksAsync(db, single, ids, ct);
        var interfaces = await HardwareReads.InterfacesAsync(db, single, ids, ct);
        return Stitch(machines, disks, interfaces);
    }

    private async Task<List<Machine>> LoadMachinesAsync(IQueryable<Machine> query, bool powerParameters, CancellationToken ct)
    {
        query = query.AsNoTracking().OrderBy(m => m.Id);
        if (!powerParameters)
        {
            List<Machine> bare = await query.ToListAsync(ct);
            Unread(bare);
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

    /// <summary>Remembers these machines as read without power parameters (see <see cref="PowerParametersUnread"/>).</summary>
    private void Unread(List<Machine> machines)
    {
        foreach (Machine machine in machines)
        {
            _unread.AddOrUpdate(machine, machine.PowerParameters);
        }
    }

    private static List<Machine> Stitch(List<Machine> machines, List<(long MachineId, BlockDevice Disk)> disks, List<(long MachineId, NetworkInterface Interface)> interfaces)
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
                machine.BlockDevices.Add(disk.Disk);
            }
        }

        foreach (var nic in interfaces)
        {
            if (byId.TryGetValue(nic.MachineId, out Machine? machine))
            {
                machine.Interfaces.Add(nic.Interface);
            }
        }

        return machines;
    }
}
