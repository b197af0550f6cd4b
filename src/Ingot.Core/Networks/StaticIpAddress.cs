namespace Ingot.Core.Networks;

/// <summary>
/// An allocated address (MAAS's <c>StaticIPAddress</c>): reserved by a user, or held by an interface
/// link (<see cref="InterfaceId"/>). An address is allocated at most once.
/// </summary>
public sealed class StaticIpAddress
{
    public long Id { get; set; }

    /// <summary>The address; null for an AUTO link that has none yet.</summary>
    public string? Ip { get; set; }

    public IpAddressType AllocType { get; set; }

    public long SubnetId { get; set; }

    public long? InterfaceId { get; set; }

    public string? User { get; set; }

    /// <summary>For user reservations: the MAC the address is for, if one was given.</summary>
    public string? MacAddress { get; set; }

    public string? Hostname { get; set; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    /// <summary>MAAS's display name of the allocation type.</summary>
    public string AllocTypeName => AllocType switch
    {
        IpAddressType.Auto => "Automatic",
        IpAddressType.Sticky => "Static",
        IpAddressType.UserReserved => "User reserved",
        IpAddressType.Dhcp => "DHCP",
        _ => "Observed",
    };
}
