using Ingot.Core.Hardware;

namespace Ingot.Data.Model;

/// <summary>One stored DHCP lease (see <see cref="Stores.DhcpLeaseStore"/>): keyed by its IPv4 address in dotted form.</summary>
public sealed class DhcpLeaseRow
{
    public required string Address { get; set; }

    public MacAddress Mac { get; set; }

    /// <summary>UTC.</summary>
    public DateTime Starts { get; set; }

    /// <summary>UTC.</summary>
    public DateTime Ends { get; set; }

    public string Hostname { get; set; } = "";

    public string ClientId { get; set; } = "";
}
