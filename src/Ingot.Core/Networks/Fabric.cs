namespace Ingot.Core.Networks;

/// <summary>
/// A fabric (MAAS's <c>Fabric</c>): a set of interconnected VLANs. MAAS starts with <c>fabric-0</c>
/// (id 0); every fabric has a default VLAN, the untagged one (VID 0), created with it.
/// </summary>
public sealed class Fabric
{
    public const long DefaultId = 0;

    public long Id { get; set; }

    /// <summary>The stored name; null shows as <c>fabric-&lt;id&gt;</c>.</summary>
    public string? Name { get; set; }

    public string Description { get; set; } = "";

    public string? ClassType { get; set; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    /// <summary>MAAS's <c>get_name()</c>.</summary>
    public string DisplayName => string.IsNullOrEmpty(Name) ? $"fabric-{Id}" : Name;

    public bool IsDefault => Id == DefaultId;
}
