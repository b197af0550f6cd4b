using Ingot.Core.Events;
using Ingot.Core.Hardware;

namespace Ingot.Core.Machines.Changes;

/// <summary>
/// An <see cref="IMachineStore"/> that publishes every successful add, save and delete to a
/// <see cref="MachineChangeFeed"/>; reads pass straight through. A write that throws (a conflict,
/// a database error) publishes nothing.
/// </summary>
public sealed class NotifyingMachineStore(IMachineStore inner, MachineChangeFeed feed) : IMachineStore
{
    public Task<Machine?> FindAsync(string systemId, CancellationToken ct) => inner.FindAsync(systemId, ct);

    public Task<IReadOnlyList<Machine>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task<IReadOnlyList<Machine>> ListAsync(MachineQuery query, CancellationToken ct) => inner.ListAsync(query, ct);

    public Task<IReadOnlyList<string>> PowerWorkAsync(DateTime now, IReadOnlySet<string> liveRegions, CancellationToken ct) =>
        inner.PowerWorkAsync(now, liveRegions, ct);

    public async Task AddAsync(Machine machine, CancellationToken ct)
    {
        await inner.AddAsync(machine, ct);
        feed.Publish([machine.SystemId]);
    }

    public async Task SaveAsync(Machine machine, CancellationToken ct)
    {
        await inner.SaveAsync(machine, ct);
        feed.Publish([machine.SystemId]);
    }

    public async Task SaveAsync(Machine machine, Networks.LinkAddresses addresses, CancellationToken ct)
    {
        await inner.SaveAsync(machine, addresses, ct);
        feed.Publish([machine.SystemId]);
    }

    public async Task SaveAsync(Machine machine, IReadOnlyList<Scripts.ScriptSet> scriptSets, CancellationToken ct)
    {
        await inner.SaveAsync(machine, scriptSets, ct);
        feed.Publish([machine.SystemId]);
    }

    public async Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct)
    {
        Machine? claimed = await inner.ClaimAsync(candidates, acquire, ct);
        if (claimed is not null)
        {
            feed.Publish([claimed.SystemId]);
        }

        return claimed;
    }

    public async Task SaveAllAsync(IReadOnlyList<Machine> machines, CancellationToken ct)
    {
        await inner.SaveAllAsync(machines, ct);
        feed.Publish([.. machines.Select(m => m.SystemId)]);
    }

    public async Task DeleteAsync(Machine machine, CancellationToken ct)
    {
        await inner.DeleteAsync(machine, ct);
        feed.Publish([machine.SystemId]);
    }

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
