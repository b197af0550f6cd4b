using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Power;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// The host's machine store with another writer in the way: while <see cref="Interferences"/> lasts,
/// every save that includes <see cref="Target"/> is preceded by a real save of that machine's power
/// state (as the power executor makes one), so the save in progress loses its compare-and-set.
/// </summary>
public sealed class InterferingMachineStore(IMachineStore inner) : IMachineStore
{
    private int _interferences;
    private int _collisions;

    /// <summary>The system_id whose saves are interfered with; none when null.</summary>
    public string? Target { get; set; }

    /// <summary>How many more saves of <see cref="Target"/> lose (<see cref="int.MaxValue"/>: all of them).</summary>
    public int Interferences
    {
        get => Volatile.Read(ref _interferences);
        set => Volatile.Write(ref _interferences, value);
    }

    /// <summary>How many saves were made to lose.</summary>
    public int Collisions => Volatile.Read(ref _collisions);

    public async Task SaveAllAsync(IReadOnlyList<Machine> machines, CancellationToken ct)
    {
        await InterfereAsync(machines, ct);
        await inner.SaveAllAsync(machines, ct);
    }

    public async Task SaveAsync(Machine machine, IReadOnlyList<Core.Scripts.ScriptSet> scriptSets, CancellationToken ct)
    {
        await InterfereAsync([machine], ct);
        await inner.SaveAsync(machine, scriptSets, ct);
    }

    public async Task SaveAsync(Machine machine, Core.Networks.LinkAddresses addresses, CancellationToken ct)
    {
        await InterfereAsync([machine], ct);
        await inner.SaveAsync(machine, addresses, ct);
    }

    private async Task InterfereAsync(IReadOnlyList<Machine> machines, CancellationToken ct)
    {
        if (Target is { } target && machines.Any(m => m.SystemId == target) && Interlocked.Decrement(ref _interferences) >= 0)
        {
            Machine other = await inner.FindAsync(target, ct) ?? throw new InvalidOperationException($"{target} is gone");
            other.PowerState = other.PowerState == PowerState.On ? PowerState.Off : PowerState.On;
            await inner.SaveAsync(other, ct);
            Interlocked.Increment(ref _collisions);
        }
    }

    public Task SaveAsync(Machine machine, CancellationToken ct) => SaveAllAsync([machine], ct);

    public Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct) => inner.ClaimAsync(candidates, acquire, ct);

    public Task<Machine?> FindAsync(string systemId, CancellationToken ct) => inner.FindAsync(systemId, ct);

    public Task<IReadOnlyList<Machine>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task<IReadOnlyList<Machine>> ListAsync(MachineQuery query, CancellationToken ct) => inner.ListAsync(query, ct);

    public Task AddAsync(Machine machine, CancellationToken ct) => inner.AddAsync(machine, ct);

    public Task DeleteAsync(Machine machine, CancellationToken ct) => inner.DeleteAsync(machine, ct);

    public Task<IReadOnlyList<Machine>> FindExpiredAsync(DateTime now, CancellationToken ct) => inner.FindExpiredAsync(now, ct);

    public Task<Machine?> FindEnlistingByPowerAddressAsync(string powerAddress, CancellationToken ct) => inner.FindEnlistingByPowerAddressAsync(powerAddress, ct);

    public Task<Machine?> FindEnlistingByMacAsync(IReadOnlyCollection<MacAddress> macs, CancellationToken ct) => inner.FindEnlistingByMacAsync(macs, ct);

    public Task<Machine?> FindByMacAsync(MacAddress mac, CancellationToken ct) => inner.FindByMacAsync(mac, ct);

    public Task<IReadOnlySet<string>> TakenHostnamesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
        inner.TakenHostnamesAsync(hostnames, ct);

    public Task<IReadOnlyList<MachineEvent>> EventsAsync(string systemId, CancellationToken ct) => inner.EventsAsync(systemId, ct);
}
