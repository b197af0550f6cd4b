using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Wire.Resources;

namespace Ingot.Api.Networks;

/// <summary>
/// The networks Ingot knows, as MAAS's defaults plus what machines' interfaces show: no spaces
/// (every VLAN and subnet is in the <c>undefined</c> space), one fabric <c>fabric-0</c> with its
/// untagged VLAN (id 5001), a VLAN for each tagged VID seen on an interface, and a subnet for each
/// CIDR seen on an interface link. VLANs and subnets are the objects the machine JSON nests for
/// them (Ingot.Wire's rule for a machine without a network model: VID-less interfaces are on the
/// untagged VLAN, others on a VLAN named after the VID, subnets named after their CIDR, id 0).
/// </summary>
internal sealed class NetworkTopology
{
    public const long FabricId = 0;

    private NetworkTopology(IReadOnlyList<VlanInfo> vlans, IReadOnlyList<SubnetInfo> subnets)
    {
        Vlans = vlans;
        Subnets = subnets;
    }

    public static string FabricName => VlanInfo.Default.Fabric;

    /// <summary>The VLANs of <c>fabric-0</c>, the untagged one first, then by VID.</summary>
    public IReadOnlyList<VlanInfo> Vlans { get; }

    /// <summary>The subnets seen on links, by CIDR.</summary>
    public IReadOnlyList<SubnetInfo> Subnets { get; }

    public static async Task<NetworkTopology> LoadAsync(IMachineStore machines, CancellationToken ct)
    {
        var vlans = new SortedDictionary<int, VlanInfo> { [VlanInfo.Default.Vid] = VlanInfo.Default };
        var subnets = new SortedDictionary<string, SubnetInfo>(StringComparer.Ordinal);
        foreach (Machine machine in await machines.ListAsync(ct))
        {
            foreach (NetworkInterface nic in machine.Interfaces)
            {
                VlanInfo vlan = VlanOf(nic);
                vlans.TryAdd(vlan.Vid, vlan);
                foreach (InterfaceLink link in nic.Links)
                {
                    if (link.Subnet is { Length: > 0 } cidr)
                    {
                        subnets.TryAdd(cidr, SubnetInfo.Undefined(cidr, vlan));
                    }
                }
            }
        }

        return new NetworkTopology([.. vlans.Values], [.. subnets.Values]);
    }

    /// <summary>Whether <paramref name="idOrName"/> names <c>fabric-0</c> (by id or name, as MAAS's specifiers allow).</summary>
    public static bool IsFabric(string idOrName) => idOrName == "0" || idOrName == FabricName;

    private static VlanInfo VlanOf(NetworkInterface nic) => nic.Vlan is int vid and not 0
        ? new VlanInfo(0, $"{vid}", vid, VlanInfo.Default.Fabric, VlanInfo.Default.FabricId)
        : VlanInfo.Default;
}
