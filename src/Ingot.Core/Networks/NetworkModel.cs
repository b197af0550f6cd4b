using System.Globalization;
using System.Net;

namespace Ingot.Core.Networks;

/// <summary>
/// The whole network model as stored at one <see cref="Version"/>: fabrics, VLANs, spaces, subnets,
/// IP ranges and allocated addresses. Networks are small (hundreds of subnets), so Core reads the
/// model whole, decides, and writes a <see cref="NetworkChange"/> against this version.
/// </summary>
public sealed record NetworkModel(
    long Version,
    IReadOnlyList<Fabric> Fabrics,
    IReadOnlyList<Vlan> Vlans,
    IReadOnlyList<Space> Spaces,
    IReadOnlyList<Subnet> Subnets,
    IReadOnlyList<IpRange> IpRanges,
    IReadOnlyList<StaticIpAddress> IpAddresses)
{
    public Fabric? Fabric(long id) => Fabrics.FirstOrDefault(f => f.Id == id);

    public Vlan? Vlan(long id) => Vlans.FirstOrDefault(v => v.Id == id);

    public Space? Space(long id) => Spaces.FirstOrDefault(s => s.Id == id);

    public Subnet? Subnet(long id) => Subnets.FirstOrDefault(s => s.Id == id);

    public Subnet? SubnetByCidr(string cidr) => Subnets.FirstOrDefault(s => s.Cidr == cidr);

    /// <summary>The fabric's default VLAN: its first (lowest id), which is the untagged one MAAS created with it.</summary>
    public Vlan? DefaultVlan(long fabricId) => Vlans.Where(v => v.FabricId == fabricId).MinBy(v => v.Id);

    public bool IsDefaultVlan(Vlan vlan) => DefaultVlan(vlan.FabricId)?.Id == vlan.Id;

    /// <summary>MAAS's VLAN name: <c>untagged</c> for a fabric's default VLAN, else the name, else the VID.</summary>
    public string VlanName(Vlan vlan) => IsDefaultVlan(vlan)
        ? "untagged"
        : string.IsNullOrEmpty(vlan.Name) ? vlan.Vid.ToString(CultureInfo.InvariantCulture) : vlan.Name;

    /// <summary>The space name of a VLAN (and so of its subnets), or <c>undefined</c>.</summary>
    public string SpaceName(Vlan vlan) => vlan.SpaceId is long id && Space(id) is { } space ? space.DisplayName : Networks.Space.Undefined;

    public IEnumerable<Subnet> SubnetsOn(long vlanId) => Subnets.Where(s => s.VlanId == vlanId);

    public IEnumerable<IpRange> RangesOf(long subnetId) => IpRanges.Where(r => r.SubnetId == subnetId).OrderBy(r => IpNumbers.ToNumber(IPAddress.Parse(r.StartIp)));

    public IEnumerable<StaticIpAddress> AddressesIn(long subnetId) => IpAddresses.Where(a => a.SubnetId == subnetId);

    /// <summary>The most specific subnet containing <paramref name="address"/> (MAAS's <c>get_best_subnet_for_ip</c>).</summary>
    public Subnet? BestSubnetFor(IPAddress address) => Subnets
        .Where(s => s.Network.Contains(address))
        .MaxBy(s => s.Network.PrefixLength);

    /// <summary>Fabric by MAAS's specifier: an id, <c>name:X</c>, or a name.</summary>
    public Fabric? FindFabric(string specifier) =>
        long.TryParse(specifier, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? Fabric(id)
        : Fabrics.FirstOrDefault(f => f.DisplayName == Strip(specifier, "name:"));

    /// <summary>Space by id, <c>name:X</c> or name.</summary>
    public Space? FindSpace(string specifier) =>
        long.TryParse(specifier, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? Space(id)
        : Spaces.FirstOrDefault(s => s.DisplayName == Strip(specifier, "name:"));

    /// <summary>Subnet by MAAS's specifiers: an id, <c>cidr:X</c>, <c>name:X</c>, <c>ip:X</c>, a bare CIDR, or a name.</summary>
    public Subnet? FindSubnet(string specifier)
    {
        specifier = specifier.Trim();
        if (long.TryParse(specifier, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            return Subnet(id);
        }

        if (specifier.StartsWith("ip:", StringComparison.Ordinal))
        {
            return IpNumbers.Parse(specifier[3..]) is { } ip ? BestSubnetFor(ip) : null;
        }

        if (specifier.StartsWith("name:", StringComparison.Ordinal))
        {
            return Subnets.FirstOrDefault(s => s.Name == specifier[5..]);
        }

        string cidrText = Strip(specifier, "cidr:");
        if (IpNumbers.ParseCidr(cidrText) is { } network)
        {
            return SubnetByCidr(network.ToString());
        }

        return Subnets.FirstOrDefault(s => s.Name == specifier);
    }

    private static string Strip(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
}
