namespace Ingot.Core.Networks;

/// <summary>MAAS's <c>IPADDRESS_TYPE</c>, with its integer values as the API shows them.</summary>
public enum IpAddressType
{
    /// <summary>An AUTO link's address, assigned at deployment.</summary>
    Auto = 0,

    /// <summary>A STATIC link's address, chosen by the user or MAAS.</summary>
    Sticky = 1,

    /// <summary>Reserved through <c>ipaddresses/?op=reserve</c>.</summary>
    UserReserved = 4,

    /// <summary>Handed out by DHCP.</summary>
    Dhcp = 5,

    /// <summary>Seen on the network.</summary>
    Discovered = 6,
}
