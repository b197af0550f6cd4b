namespace Ingot.Wire.Resources;

/// <summary>A resource pool as the machine JSON nests it: <c>{"name","description","id","resource_uri"}</c>.</summary>
public sealed record PoolInfo(long Id, string Name, string Description)
{
    /// <summary>MAAS's <c>default</c> pool, which always exists (id 0, "Default pool").</summary>
    public static PoolInfo Default { get; } = new(0, "default", "Default pool");
}
