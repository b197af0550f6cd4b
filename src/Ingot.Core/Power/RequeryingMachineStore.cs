using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Power;

/// <summary>
/// The machine store as the power layer sees saves: every successful add or save is noted with
/// <see cref="PowerRequeries"/>, so any status change in <see cref="PowerQueryTransitions"/> (from an
/// API op, a signal or a timeout) gets its query 20 s later. Reads pass through.
/// </summary>
public sealed class RequeryingMachineStore(IMachineStore inner, PowerRequeries requeries) : IMachineStore
{
    public async Task AddAsync(Machine machine, CancellationToken ct)
    {
        await inner.AddAsync(machine, ct);
        requeries.Note(machine);
    }

    public async Task SaveAsync(Machine machine, CancellationToken ct)
    {
        await inner.SaveAsync(machine, ct);
        requeries.Note(machine);
    }

    public async Task SaveAsync(Machine machine, Networks.LinkAddresses addresses, CancellationToken ct)
    {
        await inner.SaveAsync(machine, addresses, ct);
        requeries.Note(machine);
    }

    public async Task SaveAsync(Machine machine, IReadOnlyList<Scripts.ScriptSet> scriptSets, CancellationToken ct)
    {
        await inner.SaveAsync(machine, scriptSets, ct);
        requeries.Note(machine);
    }

    public async Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct)
    {
        Machine? claimed = await inner.ClaimAsync(candidates, acquire, ct);
        if (claimed is not null)
        {
            requeries.Note(claimed);
        }

        return claimed;
    }

    public async Task SaveAllAsync(IReadOnlyList<Machine> machines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(machines);
        await inner.SaveAllAsync(machines, ct);
        foreach (Machine machine in machines)
        {
            requeries.Note(machine);
        }
    }

    public Task<Machine?> FindAsync(string systemId, CancellationToken ct) => inner.FindAsync(systemId, ct);

    public Task<IReadOnlyList<Machine>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task<IReadOnlyList<Machine>> ListAsync(MachineQuery query, CancellationToken ct) => inner.ListAsync(query, ct);

    public Task<IReadOnlyList<string>> PowerWorkAsync(DateTime now, IReadOnlySet<string> liveRegions, CancellationToken ct) =>
        inner.PowerWorkAsync(now, liveRegions, ct);

    public Task DeleteAsync(Machine machine, CancellationToken ct) => inner.DeleteAsync(machine, ct);

    public Task<IReadOnlyList<Machine>> FindExpiredAsync(DateTime now, CancellationToken ct) => inner.FindExpiredAsync(now, ct);

    public Task<Machine?> FindEnlistingByPowerAddressAsync(string powerAddress, CancellationToken ct) =>
        inner.FindEnlistingByPowerAddressAsync(powerAddress, ct);

    public Task<Machine?> FindEnlistingByMacAsync(IReadOnlyCollection<MacAddress> macs, CancellationToken ct) =>
        inner.FindEnlistingByMacAsync(macs, ct);

    public Task<Machine?> FindByMacAsync(MacAddress mac, CancellationToken ct) => inner.FindByMacAsync(mac, ct);

    public Task<IReadOnlySet<string>> TakenHostnamesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
        inner.TakenHostnamesAsync(hostnames, ct);

    public Task<IReadOnlyList<MachineEvent>> EventsAsync(string systemId, CancellationToken ct) => inner.EventsAsync(systemId, ct);
}
