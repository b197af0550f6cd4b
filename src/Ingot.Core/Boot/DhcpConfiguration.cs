namespace Ingot.Core.Boot;

/// <summary>What the DHCP server serves: its subnets and its fixed hosts.</summary>
public sealed record DhcpConfiguration(IReadOnlyList<DhcpSubnet> Subnets, IReadOnlyList<DhcpHost> Hosts)
{
    public static DhcpConfiguration Empty { get; } = new([], []);
}
