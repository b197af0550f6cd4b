namespace Ingot.Core.Hardware;

/// <summary>
/// A link of an interface to a subnet (MAAS's <c>links</c>): the mode, the subnet in CIDR form and,
/// for AUTO/STATIC links that have one, the IP address. <see cref="IsDefaultGateway"/> marks the link
/// whose subnet's gateway the machine uses (MAAS's <c>gateway_link_ipv4</c>/<c>gateway_link_ipv6</c>).
/// </summary>
public sealed class InterfaceLink
{
    public LinkMode Mode { get; set; }

    public string? Subnet { get; set; }

    public string? IpAddress { get; set; }

    public bool IsDefaultGateway { get; set; }

    public InterfaceLink Copy() => new() { Mode = Mode, Subnet = Subnet, IpAddress = IpAddress, IsDefaultGateway = IsDefaultGateway };
}
