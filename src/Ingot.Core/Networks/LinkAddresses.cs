using Ingot.Core.Hardware;

namespace Ingot.Core.Networks;

/// <summary>
/// What a bond's or bridge's creation does to the addresses its parents' links held, written in the machine's own save
/// transaction (<see cref="Machines.IMachineStore.SaveAsync(Machines.Machine, LinkAddresses, CancellationToken)"/>), so
/// that the machine's links and the network model's allocations change together or not at all: the allocations of
/// <see cref="Released"/> (interface id, address) are deleted (given back to the pool, MAAS's <c>unlink_ip_address</c>),
/// those of <see cref="Moved"/> are re-keyed to <see cref="MovedTo"/> once it has its id (MAAS's
/// <c>AcquiredBridgeInterfaceForm</c>), and the network model's version is bumped, so every snapshot taken before is stale.
/// A STATIC link asked for with the new interface is claimed before (interface id <see cref="Unassigned"/>) and is one of
/// the moved addresses. Neither step depends on a snapshot (an address given back or moved between a machine's own interfaces is never one
/// another writer decided on), so it has no compare-and-set of its own: the machine's is the only one.
/// </summary>
public sealed record LinkAddresses(
    IReadOnlyList<(long InterfaceId, string Ip)> Released,
    IReadOnlyList<(long InterfaceId, string Ip)> Moved,
    NetworkInterface? MovedTo,
    DateTime Now)
{
    /// <summary>The interface id of an address claimed for an interface that is not written yet.</summary>
    public const long Unassigned = 0;

    public bool IsEmpty => Released.Count == 0 && Moved.Count == 0;

    /// <summary>
    /// The change to the network model, given <paramref name="model"/> (the addresses it holds); the moved ones go to
    /// <see cref="MovedTo"/>'s id, or are given back when it has none.
    /// </summary>
    public NetworkChange ChangeFor(NetworkModel model)
    {
        var change = new NetworkChange(model.Version);
        long to = MovedTo?.Id ?? 0;
        foreach (StaticIpAddress address in model.IpAddresses.Where(a => a.InterfaceId is not null && a.Ip is not null))
        {
            (long, string) key = (address.InterfaceId!.Value, address.Ip!);
            if (Released.Contains(key) || (to == 0 && Moved.Contains(key)))
            {
                change.Remove(address);
            }
            else if (Moved.Contains(key))
            {
                address.InterfaceId = to;
                address.Updated = Now;
                change.Update(address);
            }
        }

        return change;
    }
}
