using Ingot.Core.Hardware;
using Ingot.Core.Networks;

namespace Ingot.Core.NetworkConfig;

/// <summary>
/// The input of the network renderers: a deployed machine's enabled interfaces with their links (AUTO links
/// already holding the address allocated at deployment), the facts of the subnets they link to, and the
/// resolvers and search domains the machine should use.
/// </summary>
public sealed record DeployedNetwork(
    IReadOnlyList<NetworkInterface> Interfaces,
    IReadOnlyDictionary<string, SubnetFacts> Subnets,
    IReadOnlyList<string> Nameservers,
    IReadOnlyList<string> SearchDomains)
{
    /// <summary>The machine's interfaces with the subnets of the network model; <paramref name="nameservers"/> are the region/rack resolvers.</summary>
    public static DeployedNetwork From(IEnumerable<NetworkInterface> interfaces, NetworkModel model, IReadOnlyList<string> nameservers, string domain)
    {
        var subnets = new Dictionary<string, SubnetFacts>(StringComparer.Ordinal);
        foreach (Subnet subnet in model.Subnets)
        {
            int mtu = model.Vlan(subnet.VlanId)?.Mtu ?? Vlan.DefaultMtu;
            subnets[subnet.Cidr] = new SubnetFacts(subnet.Cidr, subnet.GatewayIp, subnet.DnsServers, mtu);
        }

        return new DeployedNetwork([.. interfaces.Where(i => i.Enabled)], subnets, nameservers, domain.Length > 0 ? [domain] : []);
    }

    public SubnetFacts? Subnet(InterfaceLink link) => link.Subnet is { } cidr && Subnets.TryGetValue(cidr, out SubnetFacts? facts) ? facts : null;

    /// <summary>The MTU of an interface: its own when set, else its first linked subnet's VLAN's, else 1500.</summary>
    public int Mtu(NetworkInterface nic) => nic.Params.Mtu ?? nic.Links.Select(Subnet).OfType<SubnetFacts>().Select(s => s.Mtu).FirstOrDefault(1500);

    /// <summary>The links whose gateways are the default routes: the marked ones, else the first gatewayed AUTO/STATIC link per family.</summary>
    public IReadOnlySet<InterfaceLink> GatewayLinks()
    {
        var chosen = new HashSet<InterfaceLink>(ReferenceEqualityComparer.Instance);
        List<InterfaceLink> candidates = [.. Interfaces.SelectMany(i => i.Links).Where(l => l.Mode is LinkMode.Auto or LinkMode.Static && l.IpAddress is not null && Subnet(l)?.Gateway is not null)];
        foreach (bool v6 in (bool[])[false, true])
        {
            List<InterfaceLink> family = [.. candidates.Where(l => Subnet(l)!.IsIpv6 == v6)];
            if ((family.FirstOrDefault(l => l.IsDefaultGateway) ?? family.FirstOrDefault()) is { } link)
            {
                chosen.Add(link);
            }
        }

        return chosen;
    }

    /// <summary>The physical interfaces that are some bond's member (they carry no addresses of their own).</summary>
    public bool IsBondMember(NetworkInterface nic) => Interfaces.Any(i => i.Type == InterfaceType.Bond && i.Parents.Contains(nic.Name));

    /// <summary>Every resolver: the subnets' own, then the given ones, without repeats.</summary>
    public IReadOnlyList<string> AllNameservers() =>
        [.. Interfaces.SelectMany(i => i.Links).Select(Subnet).OfType<SubnetFacts>().SelectMany(s => s.DnsServers).Concat(Nameservers).Distinct(StringComparer.Ordinal)];
}
