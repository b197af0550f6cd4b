using Ingot.Core.NetworkConfig;
using Ingot.Core.Tests.Storage;

namespace Ingot.Core.Tests.NetworkConfig;

public sealed class NetworkRenderingTests
{
    [Fact]
    public void Static_auto_dhcp_and_link_up_interfaces_render_as_netplan_v2()
    {
        string yaml = NetplanConfig.Render(NetworkMachines.Simple());
        Assert.Contains("- \"10.10.0.50/24\"", yaml, StringComparison.Ordinal);
        Assert.Contains("dhcp4: true", yaml, StringComparison.Ordinal);
        Golden.Match("netplan-simple.yaml", yaml);
    }

    [Fact]
    public void Bonds_bridges_and_VLANs_render_as_netplan_v2()
    {
        string yaml = NetplanConfig.Render(NetworkMachines.BondBridgeVlan());
        Assert.Contains("bonds:", yaml, StringComparison.Ordinal);
        Assert.Contains("bridges:", yaml, StringComparison.Ordinal);
        Assert.Contains("vlans:", yaml, StringComparison.Ordinal);
        Golden.Match("netplan-bond-bridge-vlan.yaml", yaml);
    }

    [Fact]
    public void Static_auto_dhcp_and_link_up_interfaces_render_as_cloud_init_v1()
    {
        string yaml = CloudInitNetworkV1.Render(NetworkMachines.Simple());
        Assert.Contains("type: manual", yaml, StringComparison.Ordinal);
        Assert.Contains("gateway: \"10.10.0.1\"", yaml, StringComparison.Ordinal);
        Golden.Match("cloud-init-v1-simple.yaml", yaml);
    }

    [Fact]
    public void Bonds_bridges_and_VLANs_render_as_cloud_init_v1()
    {
        string yaml = CloudInitNetworkV1.Render(NetworkMachines.BondBridgeVlan());
        Assert.Contains("bond_interfaces:", yaml, StringComparison.Ordinal);
        Assert.Contains("vlan_id: 20", yaml, StringComparison.Ordinal);
        Golden.Match("cloud-init-v1-bond-bridge-vlan.yaml", yaml);
    }

    [Fact]
    public void An_AUTO_link_without_an_allocated_address_and_bond_members_carry_no_address()
    {
        DeployedNetwork network = NetworkMachines.BondBridgeVlan();
        network.Interfaces[4].Links[0].IpAddress = null;
        string yaml = NetplanConfig.Render(network);
        Assert.DoesNotContain("10.20.0.", yaml, StringComparison.Ordinal);
        Assert.Single(network.GatewayLinks());
    }
}
