using Ingot.Core.Networks;
using Ingot.Wire.Resources;

namespace Ingot.Api.Networks;

/// <summary>The stored network model as Ingot.Wire's VLAN and subnet objects (what the machine JSON and these resources nest).</summary>
public static class NetworkInfos
{
    public static VlanInfo Vlan(NetworkModel model, Vlan vlan, bool withRelay = true) =>
        new(vlan.Id, model.VlanName(vlan), vlan.Vid, model.Fabric(vlan.FabricId)?.DisplayName ?? "", vlan.FabricId,
            vlan.Mtu, vlan.DhcpOn, vlan.ExternalDhcp, vlan.PrimaryRack, vlan.SecondaryRack, model.SpaceName(vlan))
        {
            RelayVlan = withRelay && vlan.RelayVlanId is long relay && model.Vlan(relay) is { } target ? Vlan(model, target, withRelay: false) : null,
        };

    public static SubnetInfo Subnet(NetworkModel model, Subnet subnet)
    {
        Vlan vlan = model.Vlan(subnet.VlanId)!;
        return new SubnetInfo(subnet.Id, subnet.Name, subnet.Cidr, Vlan(model, vlan))
        {
            Description = subnet.Description,
            GatewayIp = subnet.GatewayIp,
            DnsServers = subnet.DnsServers,
            Space = model.SpaceName(vlan),
            RdnsMode = subnet.RdnsMode,
            ActiveDiscovery = subnet.ActiveDiscovery,
            AllowDns = subnet.AllowDns,
            AllowProxy = subnet.AllowProxy,
            Managed = subnet.Managed,
        };
    }

    /// <summary>Every VLAN, those of the default fabric first (the machine JSON finds an interface's VLAN by VID).</summary>
    public static IReadOnlyList<VlanInfo> Vlans(NetworkModel model) =>
        [.. model.Vlans.OrderBy(v => v.FabricId == Fabric.DefaultId ? 0 : 1).ThenBy(v => v.Id).Select(v => Vlan(model, v))];

    public static IReadOnlyList<SubnetInfo> Subnets(NetworkModel model) => [.. model.Subnets.Select(s => Subnet(model, s))];
}
