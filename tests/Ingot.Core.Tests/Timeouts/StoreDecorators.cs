using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Timeouts;

/// <summary>Passes everything to an inner store.</summary>
internal abstract class StoreDecorator(IMachineStore inner) : IMachineStore
{
    public Task<Machine?> FindAsync(string systemId, CancellationToken ct) => inner.FindAsync(systemId, ct);

    public Task<IReadOnlyList<Machine>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task AddAsync(Machine machine, CancellationToken ct) => inner.AddAsync(machine, ct);

    public virtual Task SaveAsync(Machine machine, CancellationToken ct) => inner.SaveAsync(machine, ct);

    public virtual Task SaveAsync(Machine machine, Core.Networks.LinkAddresses addresses, CancellationToken ct) => inner.SaveAsync(machine, addresses, ct);

    /// <summary>Through <see cref="SaveAsync(Machine, CancellationToken)"/>, which decorators override; the in-memory sets need no save.</summary>
    public Task SaveAsync(Machine machine, IReadOnlyList<Core.Scripts.ScriptSet> scriptSets, CancellationToken ct) => SaveAsync(machine, ct);

    public Task SaveAllAsync(IReadOnlyList<Machine> machines, CancellationToken ct) => inner.SaveAllAsync(machines, ct);

    public Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct) => inner.ClaimAsync(candidates, acquire, ct);

    public Task DeleteAsync(Machine machine, CancellationToken ct) => inner.DeleteAsync(machine, ct);

    public virtual Task<IReadOnlyList<Machine>> FindExpiredAsync(DateTime now, CancellationToken ct) => inner.FindExpiredAsync(now, ct);

    public Task<Machine?> FindEnlistingByPowerAddressAsync(string powerAddress, CancellationToken ct) =>
        inner.FindEnlistingByPowerAddressAsync(powerAddress, ct);

    public Task<Machine?> FindEnlistingByMacAsync(IReadOnlyCollection<MacAddress> macs, CancellationToken ct) =>
        inner.FindEnlistingByMacAsync(macs, ct);

    public virtual Task<Machine?> FindByMacAsync(MacAddress mac, CancellationToken ct) => inner.FindByMacAsync(mac, ct);

    public Task<IReadOnlySet<string>> TakenHostnamesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct) =>
        inner.TakenHostnamesAsync(hostnames, ct);

    public Task<IReadOnlyList<MachineEvent>> EventsAsync(string systemId, CancellationToken ct) => inner.EventsAsync(systemId, ct);
}

/// <summary>A store whose expiry query over-reports (every machine), to prove the monitor re-checks.</summary>
internal sealed class EveryMachineLooksExpired(IMachineStore inner) : StoreDecorator(inner)
{
    public override Task<IReadOnlyList<Machine>> FindExpiredAsync(DateTime now, CancellationToken ct) => ListAsync(ct);
}

/// <summary>A store on which one machine was changed by someone else: its save loses the compare-and-set.</summary>
internal sealed class ConflictOn(string systemId, IMachineStore inner) : StoreDecorator(inner)
{
    public override Task SaveAsync(Machine machine, CancellationToken ct) =>
        machine.SystemId == systemId
            ? Task.FromException(new MachineConflictException(machine.SystemId, machine.Version))
            : base.SaveAsync(machine, ct);
}

/// <summary>
/// The first save of <paramref name="systemId"/> loses a race: another writer (a power result) saves the
/// machine first, so that save conflicts; later saves go through.
/// </summary>
internal sealed class SavedMeanwhileOnce(string systemId, IMachineStore inner) : StoreDecorator(inner)
{
    private bool _raced;

    public override async Task SaveAsync(Machine machine, CancellationToken ct)
    {
        if (machine.SystemId == systemId && !_raced)
        {
            _raced = true;
            Machine other = (await FindAsync(systemId, ct))!;
            other.PowerState = Ingot.Core.Power.PowerState.Off;
            await base.SaveAsync(other, ct);
        }

        await base.SaveAsync(machine, ct);
    }
}
