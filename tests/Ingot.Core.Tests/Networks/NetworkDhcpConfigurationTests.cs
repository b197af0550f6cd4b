using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;

namespace Ingot.Core.Tests.Networks;

public sealed class NetworkDhcpConfigurationTests
{
    private static async Task<NetworkFixture> ServedAsync()
    {
        var net = new NetworkFixture();
        await net.SubnetAsync("10.30.0.0/24", ("gateway_ip", "10.30.0.1"));
        await net.RangeAsync("dynamic", "10.30.0.100", "10.30.0.199");
        await net.RangeAsync("reserved", "10.30.0.2", "10.30.0.9");
        await net.UpdateVlanAsync(5001, ("dhcp_on", "true"), ("primary_rack", NetworkFixture.Rack));
        return net;
    }

    private static Machine MachineWith(string hostname, string mac, LinkMode mode, string cidr, string? ip)
    {
        Machine machine = Machine.Create("m" + mac[^2..], hostname, DateTime.UnixEpoch);
        machine.Interfaces.Add(new NetworkInterface
        {
            Name = "eth0",
            MacAddress = MacAddress.Parse(mac),
            Links = [new InterfaceLink { Mode = mode, Subnet = cidr, IpAddress = ip }],
        });
        return machine;
    }

    [Fact]
    public async Task A_managed_subnet_on_a_DHCP_VLAN_is_served_with_its_ranges_gateway_rack_DNS_and_MAAS_lease_time()
    {
        NetworkFixture net = await ServedAsync();
        await net.SubnetAsync("10.31.0.0/24", ("managed", "false"));
        await net.SubnetAsync("2001:db8:30::/64");

        DhcpConfiguration config = NetworkDhcpConfiguration.Build(await net.ModelAsync(), [], n => n.Contains(IPAddress.Parse("10.30.0.5")) ? IPAddress.Parse("10.30.0.5") : null);

        DhcpSubnet subnet = Assert.Single(config.Subnets);
        Assert.Equal("10.30.0.0/24", subnet.Network.ToString());
        Assert.Equal(IPAddress.Parse("10.30.0.1"), subnet.Gateway);
        Assert.Equal([IPAddress.Parse("10.30.0.5")], subnet.DnsServers);
        Assert.Equal("maas", subnet.DomainName);
        Assert.Equal([new AddressRange(IPAddress.Parse("10.30.0.100"), IPAddress.Parse("10.30.0.199"))], subnet.DynamicRanges);
        Assert.Equal([new AddressRange(IPAddress.Parse("10.30.0.2"), IPAddress.Parse("10.30.0.9"))], subnet.ReservedRanges);
        Assert.Equal(TimeSpan.FromSeconds(600), subnet.LeaseTime);
    }

    [Fact]
    public async Task A_subnet_on_a_VLAN_that_relays_to_a_DHCP_VLAN_is_served_and_its_own_DNS_servers_win()
    {
        NetworkFixture net = await ServedAsync();
        Fabric fabric = await net.Operations.CreateFabricAsync(NetworkFixture.Admin, NetworkFixture.Form(), NetworkFixture.Ct);
        Vlan remote = (await net.ModelAsync()).DefaultVlan(fabric.Id)!;
        await net.SubnetAsync("10.40.0.0/24", ("fabric", $"{fabric.Id}"), ("dns_servers", "1.1.1.1"));
        await net.UpdateVlanAsync(remote.Id, ("relay_vlan", "5001"));

        DhcpConfiguration config = NetworkDhcpConfiguration.Build(await net.ModelAsync(), []);

        DhcpSubnet relayed = Assert.Single(config.Subnets, s => s.Network.ToString() == "10.40.0.0/24");
        Assert.Equal([IPAddress.Parse("1.1.1.1")], relayed.DnsServers);
        Assert.Empty(relayed.DynamicRanges);
    }

    [Fact]
    public async Task Static_and_auto_links_with_addresses_and_MAC_reservations_become_fixed_hosts()
    {
        NetworkFixture net = await ServedAsync();
        await net.Operations.ReserveAsync(NetworkFixture.Admin, null, "10.30.0.60", "printer", "52:54:00:00:00:99", NetworkFixture.Ct);
        Machine[] machines =
        [
            MachineWith("static-one", "52:54:00:00:00:01", LinkMode.Static, "10.30.0.0/24", "10.30.0.50"),
            MachineWith("auto-one", "52:54:00:00:00:02", LinkMode.Auto, "10.30.0.0/24", "10.30.0.51"),
            MachineWith("auto-pending", "52:54:00:00:00:03", LinkMode.Auto, "10.30.0.0/24", null),
            MachineWith("dhcp-one", "52:54:00:00:00:04", LinkMode.Dhcp, "10.30.0.0/24", "10.30.0.52"),
            MachineWith("elsewhere", "52:54:00:00:00:05", LinkMode.Static, "10.99.0.0/24", "10.99.0.5"),
        ];

        DhcpConfiguration config = NetworkDhcpConfiguration.Build(await net.ModelAsync(), machines);

        Assert.Equal(
            [("52:54:00:00:00:01", "10.30.0.50", "static-one"), ("52:54:00:00:00:02", "10.30.0.51", "auto-one"), ("52:54:00:00:00:99", "10.30.0.60", "printer")],
            config.Hosts.Select(h => (h.Mac.ToString(), h.Address.ToString(), h.Hostname)));
    }

    [Fact]
    public async Task The_version_goes_up_with_every_change_and_nothing_is_served_with_DHCP_off()
    {
        var net = new NetworkFixture();
        var source = new NetworkDhcpConfiguration(net.Store, net.Machines, net.Version);
        long start = source.Version;
        await net.SubnetAsync("10.50.0.0/24");
        long afterSubnet = source.Version;
        await net.RangeAsync("dynamic", "10.50.0.10", "10.50.0.20");

        DhcpConfiguration off = await source.GetAsync(NetworkFixture.Ct);

        Assert.True(afterSubnet > start);
        Assert.True(source.Version > afterSubnet);
        Assert.Empty(off.Subnets);
    }
}
