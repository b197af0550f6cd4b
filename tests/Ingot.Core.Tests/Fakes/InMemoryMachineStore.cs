using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Fakes;

/// <summary>
/// The one fake of <see cref="IMachineStore"/> for Core tests: keeps machines in memory, checks
/// versions like the real stores do and keeps every saved event. Real concurrency is proved in
/// Ingot.Data.Tests on SQLite and PostgreSQL.
/// </summary>
public sealed class InMemoryMachineStore : IMachineStore
{
    private static readonly MachineStatus[] s_enlisting = [MachineStatus.New, MachineStatus.Commissioning];
    private readonly Dictionary<string, Machine> _machines = [];
    private readonly Dictionary<string, long> _versions = [];
    private readonly Dictionary<string, List<MachineEvent>> _events = [];
    private long _nextInterfaceId = 100_000;

    /// <summary>The network store whose allocations <see cref="SaveAsync(Machine, Core.Networks.LinkAddresses, CancellationToken)"/> settles (needed only by tests that make bonds or bridges of linked interfaces).</summary>
    public InMemoryNetworkStore? Networks { get; init; }

    public Task<Machine?> FindAsync(string systemId, CancellationToken ct) =>
        Task.FromResult(_machines.GetValueOrDefault(systemId));

    public Task<IReadOnlyList<Machine>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Machine>>([.. _machines.Values]);

    /// <summary>Power parameters are always there: the fake hands out its own instances.</summary>
    public Task<IReadOnlyList<Machine>> ListAsync(MachineQuery query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Machine>>([.. _machines.Values.Where(query.Selects).OrderBy(m => m.Id)]);

    public Task AddAsync(Machine machine, CancellationToken ct)
    {
        if (!_machines.TryAdd(machine.SystemId, machine))
        {
            throw new InvalidOperationException($"Duplicate system_id {machine.SystemId}.");
        }

        _versions[machine.SystemId] = 1;
        _events[machine.SystemId] = [.. machine.PendingEvents];
        NumberInterfaces(machine);
        machine.Saved(1);
        return Task.CompletedTask;
    }

    public Task SaveAsync(Machine machine, CancellationToken ct) => SaveAllAsync([machine], ct);

    /// <summary>The machine only: in-memory script sets are the very objects the script store hands out.</summary>
    public Task SaveAsync(Machine machine, IReadOnlyList<Core.Scripts.ScriptSet> scriptSets, CancellationToken ct) => SaveAllAsync([machine], ct);

    /// <summary>The machine's version checked, then the addresses settled, then the machine saved: a failure before the last writes no machine.</summary>
    public async Task SaveAsync(Machine machine, Core.Networks.LinkAddresses addresses, CancellationToken ct)
    {
        if (!_versions.TryGetValue(machine.SystemId, out long v) || v != machine.Version)
        {
            throw new MachineConflictException(machine.SystemId, machine.Version);
        }

        NumberInterfaces(machine);
        if (!addresses.IsEmpty)
        {
            InMemoryNetworkStore networks = Networks ?? throw new InvalidOperationException("This InMemoryMachineStore has no Networks to settle addresses in.");
            if (!await networks.SaveAsync(addresses.ChangeFor(await networks.LoadAsync(ct)), ct))
            {
                throw new InvalidOperationException("The in-memory network store changed between load and save.");
            }
        }

        await SaveAllAsync([machine], ct);
    }

    public Task SaveAllAsync(IReadOnlyList<Machine> machines, CancellationToken ct)
    {
        foreach (Machine m in machines)
        {
            if (!_versions.TryGetValue(m.SystemId, out long v) || v != m.Version)
            {
                throw new MachineConflictException(m.SystemId, m.Version);
            }
        }

        foreach (Machine m in machines)
        {
            _events[m.SystemId].AddRange(m.PendingEvents);
            _versions[m.SystemId] = m.Version + 1;
            NumberInterfaces(m);
            m.Saved(m.Version + 1);
        }

        return Task.CompletedTask;
    }

    public async Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct)
    {
        foreach (Machine candidate in candidates)
        {
            if (candidate.Status == MachineStatus.Ready && _versions.TryGetValue(candidate.SystemId, out long v) && v == candidate.Version)
            {
                acquire(candidate);
                await SaveAllAsync([candidate], ct);
                return candidate;
            }
        }

        return null;
    }

    public Task DeleteAsync(Machine machine, CancellationToken ct)
    {
        if (!_versions.TryGetValue(machine.SystemId, out long v) || v != machine.Version)
        {
            throw new MachineConflictException(machine.SystemId, machine.Version);
        }

        _machines.Remove(machine.SystemId);
        _versions.Remove(machine.SystemId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Machine>> FindExpiredAsync(DateTime now, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Machine>>(
            [.. _machines.Values.Where(m => m.Status.IsMonitored() && m.StatusExpires is { } e && e <= now)]);

    public Task<Machine?> FindEnlistingByPowerAddressAsync(string powerAddress, CancellationToken ct) =>
        Task.FromResult(_machines.Values.OrderBy(m => m.Id).FirstOrDefault(m =>
            s_enlisting.Contains(m.Status)
            && m.PowerParameters.TryGetValue("power_address", out string? a) && a == powerAddress));

    public Task<Machine?> FindEnlistingByMacAsync(IReadOnlyCollection<MacAddress> macs, CancellationToken ct) =>
        Task.FromResult(_machines.Values.OrderBy(m => m.Id).FirstOrDefault(m =>
            s_enlisting.Contains(m.Status) && m.Interfaces.Any(i => macs.Contains(i.MacAddress))));

    public Task<Machine?> FindByMacAsync(MacAddress mac, CancellationToken ct) =>
        Task.FromResult(_machines.Values.FirstOrDefault(m => m.Interfaces.Any(i => i.MacAddress == mac)));

    public Task<IReadOnlySet<string>> TakenHostnamesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<string>>(_machines.Values.Select(m => m.Hostname).Where(hostnames.Contains).ToHashSet(StringComparer.Ordinal));

    public Task<IReadOnlyList<MachineEvent>> EventsAsync(string systemId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MachineEvent>>(_events.TryGetValue(systemId, out var e) ? [.. e] : []);

    /// <summary>As the database: an interface saved without an id gets the next one.</summary>
    private void NumberInterfaces(Machine machine)
    {
        foreach (NetworkInterface nic in machine.Interfaces.Where(i => i.Id == 0))
        {
            nic.Id = Interlocked.Increment(ref _nextInterfaceId);
        }
    }
}
