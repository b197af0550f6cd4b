namespace Ingot.Core.Networks;

/// <summary>A space (MAAS's <c>Space</c>): a set of VLANs with the same purpose. MAAS starts with none.</summary>
public sealed class Space
{
    /// <summary>What VLANs and subnets without a space show.</summary>
    public const string Undefined = "undefined";

    public long Id { get; set; }

    public string? Name { get; set; }

    public string Description { get; set; } = "";

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    /// <summary>MAAS's <c>get_name()</c>: the name, else <c>space-&lt;id&gt;</c>.</summary>
    public string DisplayName => string.IsNullOrEmpty(Name) ? $"space-{Id}" : Name;
}
