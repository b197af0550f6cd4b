namespace Ingot.Data.Model;

/// <summary>One row of MAAS's <c>Config</c>: a setting name and its value.</summary>
public sealed class ConfigEntry
{
    public required string Name { get; set; }

    public required string Value { get; set; }
}
