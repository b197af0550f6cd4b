namespace Ingot.Boot.Dhcp;

public enum DhcpMode
{
    /// <summary>Ingot hands out addresses on its subnets (MAAS's managed DHCP).</summary>
    Authoritative,

    /// <summary>Another server hands out addresses; Ingot only tells PXE clients what to boot (ports 67 and 4011).</summary>
    Proxy,
}
