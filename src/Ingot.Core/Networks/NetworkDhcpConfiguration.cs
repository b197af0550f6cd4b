using System.Net;
using System.Net.Sockets;
using Ingot.Core.Boot;
using Ingot.Core.Domains;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Networks;

/// <summary>
/// <see cref="IDhcpConfigurationSource"/> from the network model, as MAAS's rack builds its dhcpd
/// configuration: every managed IPv4 subnet on a VLAN with <c>dhcp_on</c>, or on a VLAN that relays to
/// one, with its dynamic and reserved ranges, its gateway, its DNS servers (else the rack's own address
/// on the subnet, MAAS's DNS), the default domain, and MAAS's lease time of 600 seconds; fixed hosts
/// for machines' STATIC and AUTO links that hold an address and for reservations made for a MAC.
/// </summary>
public sealed class NetworkDhcpConfiguration(
    INetworkStore networks,
    IMachineStore machines,
    NetworkModelVersion version,
    Func<IPNetwork, IPAddress?>? rackAddressOn = null) : IDhcpConfigurationSource
{
    /// <summary>MAAS's dhcpd.conf <c>default-lease-time</c> and <c>max-lease-time</c>.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(600);

    public long Version => version.Value;

    public async Task<DhcpConfiguration> GetAsync(CancellationToken ct)
    {
        NetworkModel model = await networks.LoadAsync(ct);
        // Links only: power parameters (one secret to decrypt per machine) are not read.
        IReadOnlyList<Machine> all = await machines.ListAsync(MachineQuery.ForDisplay, ct);
        return Build(model, all, rackAddressOn);
    }

    /// <summary>The configuration for this model and these machines (pure).</summary>
    public static DhcpConfiguration Build(NetworkModel model, IReadOnlyList<Machine> machines, Func<IPNetwork, IPAddress?>? rackAddressOn = null)
    {
        List<Subnet> served = [.. model.Subnets.Where(s => s.Managed && Serves(model, s) && s.Network.BaseAddress.AddressFamily == AddressFamily.InterNetwork)];
        var subnets = new List<DhcpSubnet>();
        foreach (Subnet subnet in served.OrderBy(s => IpNumbers.ToNumber(s.Network.BaseAddress)))
        {
            List<IPAddress> dns = [.. subnet.DnsServers.Select(IpNumbers.Parse).OfType<IPAddress>()];
            if (dns.Count == 0 && rackAddressOn?.Invoke(subnet.Network) is { } rack)
            {
                dns.Add(rack);
            }

            subnets.Add(new DhcpSubnet(
                subnet.Network,
                IpNumbers.Parse(subnet.GatewayIp),
                dns,
                Domain.DefaultName,
                Ranges(model, subnet, IpRangeType.Dynamic),
                Ranges(model, subnet, IpRangeType.Reserved),
                LeaseTime));
        }

        return new DhcpConfiguration(subnets, Hosts(model, served, machines));
    }

    private static bool Serves(NetworkModel model, Subnet subnet) =>
        model.Vlan(subnet.VlanId) is { } vlan
        && (vlan.DhcpOn || (vlan.RelayVlanId is long relay && model.Vlan(relay) is { DhcpOn: true }));

    private static List<AddressRange> Ranges(NetworkModel model, Subnet subnet, IpRangeType type) =>
        [.. model.RangesOf(subnet.Id).Where(r => r.Type == type).Select(r => new AddressRange(IPAddress.Parse(r.StartIp), IPAddress.Parse(r.EndIp)))];

    private static List<DhcpHost> Hosts(NetworkModel model, List<Subnet> served, IReadOnlyList<Machine> machines)
    {
        var hosts = new List<DhcpHost>();
        var seen = new HashSet<MacAddress>();
        foreach (Machine machine in machines)
        {
            foreach (NetworkInterface nic in machine.Interfaces)
            {
                foreach (InterfaceLink link in nic.Links)
                {
                    if (link.Mode is LinkMode.Static or LinkMode.Auto
                        && IpNumbers.Parse(link.IpAddress) is { } ip
                        && served.Any(s => s.Network.Contains(ip))
                        && seen.Add(nic.MacAddress))
                    {
                        hosts.Add(new DhcpHost(nic.MacAddress, ip, machine.Hostname));
                    }
                }
            }
        }

        foreach (StaticIpAddress reserved in model.IpAddresses.Where(a => a.AllocType == IpAddressType.UserReserved))
        {
            if (MacAddress.TryParse(reserved.MacAddress, out MacAddress mac)
                && IpNumbers.Parse(reserved.Ip) is { } ip
                && served.Any(s => s.Id == reserved.SubnetId)
                && seen.Add(mac))
            {
                hosts.Add(new DhcpHost(mac, ip, reserved.Hostname ?? ""));
            }
        }

        return hosts;
    }
}
