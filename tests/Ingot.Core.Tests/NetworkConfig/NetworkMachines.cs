using Ingot.Core.Hardware;
using Ingot.Core.NetworkConfig;

namespace Ingot.Core.Tests.NetworkConfig;

/// <summary>Interface sets for the network renderer tests.</summary>
internal static class NetworkMachines
{
    private static readonly Dictionary<string, SubnetFacts> s_subnets = new(StringComparer.Ordinal)
    {
        ["10.10.0.0/24"] = new("10.10.0.0/24", "10.10.0.1", ["10.10.0.2"]),
        ["10.20.0.0/24"] = new("10.20.0.0/24", "10.20.0.1", [], 9000),
        ["192.168.100.0/24"] = new("192.168.100.0/24", null, []),
        ["fd00:10::/64"] = new("fd00:10::/64", "fd00:10::1", []),
    };

    /// <summary>eth0 static (default gateway) plus an IPv6 AUTO address, eth1 DHCP, eth2 link-up only.</summary>
    public static DeployedNetwork Simple() => new(
        [
            Nic("eth0", "52:54:00:00:00:01", InterfaceType.Physical, [],
                Link(LinkMode.Static, "10.10.0.0/24", "10.10.0.50", gateway: true), Link(LinkMode.Auto, "fd00:10::/64", "fd00:10::50")),
            Nic("eth1", "52:54:00:00:00:02", InterfaceType.Physical, [], Link(LinkMode.Dhcp, "192.168.100.0/24", null)),
            Nic("eth2", "52:54:00:00:00:03", InterfaceType.Physical, [], Link(LinkMode.LinkUp, null, null)),
        ],
        s_subnets,
        ["10.10.0.2", "10.0.0.53"],
        ["maas"]);

    /// <summary>bond0 over eth0 + eth1, br0 over bond0 with a static address, VLAN 20 on bond0 with an AUTO address.</summary>
    public static DeployedNetwork BondBridgeVlan() => new(
        [
            Nic("eth0", "52:54:00:00:01:01", InterfaceType.Physical, []),
            Nic("eth1", "52:54:00:00:01:02", InterfaceType.Physical, []),
            Nic("bond0", "52:54:00:00:01:01", InterfaceType.Bond, ["eth0", "eth1"]),
            Nic("br0", "52:54:00:00:01:01", InterfaceType.Bridge, ["bond0"], Link(LinkMode.Static, "10.10.0.0/24", "10.10.0.60", gateway: true)),
            Nic("bond0.20", "52:54:00:00:01:01", InterfaceType.Vlan, ["bond0"], Link(LinkMode.Auto, "10.20.0.0/24", "10.20.0.70")),
        ],
        s_subnets,
        [],
        ["example.com"]);

    private static NetworkInterface Nic(string name, string mac, InterfaceType type, List<string> parents, params InterfaceLink[] links) => new()
    {
        Name = name,
        MacAddress = MacAddress.Parse(mac),
        Type = type,
        Parents = parents,
        Vlan = type == InterfaceType.Vlan ? int.Parse(name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture) : null,
        Links = [.. links],
    };

    private static InterfaceLink Link(LinkMode mode, string? subnet, string? ip, bool gateway = false) =>
        new() { Mode = mode, Subnet = subnet, IpAddress = ip, IsDefaultGateway = gateway };
}
