namespace Ingot.Core.Domains;

/// <summary>
/// A DNS domain (MAAS's <c>Domain</c>): machines' FQDNs are <c>hostname.domain</c>. The default
/// domain has id 0 and name <see cref="DefaultName"/>; it cannot be deleted. <see cref="Ttl"/> is
/// null when the domain uses the global default TTL. Machines refer to their domain by name
/// (<see cref="Machines.Machine.Domain"/>).
/// </summary>
public sealed class Domain
{
    public const long DefaultId = 0;

    public const string DefaultName = "maas";

    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>MAAS manages this (forward) DNS zone.</summary>
    public bool Authoritative { get; set; } = true;

    /// <summary>Seconds; null means the global <c>default_dns_ttl</c>.</summary>
    public int? Ttl { get; set; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public bool IsDefault => Id == DefaultId;
}
