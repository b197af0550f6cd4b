namespace Ingot.Wire.Resources;

/// <summary>
/// A DNS domain as the machine JSON nests it:
/// <c>{"authoritative","ttl","is_default","resource_record_count","id","name","resource_uri"}</c>.
/// </summary>
public sealed record DomainInfo(long Id, string Name, bool Authoritative = true, int? Ttl = null, bool IsDefault = false, int ResourceRecordCount = 0)
{
    /// <summary>MAAS's default domain <c>maas</c> (id 0).</summary>
    public static DomainInfo Default { get; } = new(0, "maas", IsDefault: true);
}
