namespace Ingot.Wire.Resources;

/// <summary>A zone as the machine JSON nests it: <c>{"name","description","id","resource_uri"}</c>.</summary>
public sealed record ZoneInfo(long Id, string Name, string Description)
{
    /// <summary>MAAS's <c>default</c> zone, which always exists (id 1).</summary>
    public static ZoneInfo Default { get; } = new(1, "default", "");
}
