using System.Net;

namespace Ingot.Core.Networks;

/// <summary>An IP range of a subnet (MAAS's <c>IPRange</c>), inclusive at both ends.</summary>
public sealed class IpRange
{
    public long Id { get; set; }

    public long SubnetId { get; set; }

    public IpRangeType Type { get; set; }

    public required string StartIp { get; set; }

    public required string EndIp { get; set; }

    public string Comment { get; set; } = "";

    /// <summary>The username of who created it, if anyone.</summary>
    public string? User { get; set; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    /// <summary>MAAS's wire name: <c>dynamic</c> or <c>reserved</c>.</summary>
    public string TypeName => Type == IpRangeType.Dynamic ? "dynamic" : "reserved";

    public bool Contains(IPAddress address) =>
        IpNumbers.Compare(IPAddress.Parse(StartIp), address) <= 0 && IpNumbers.Compare(address, IPAddress.Parse(EndIp)) <= 0;

    public IpRange Copy() => (IpRange)MemberwiseClone();
}
