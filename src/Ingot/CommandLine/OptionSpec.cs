namespace Ingot.CommandLine;

/// <summary>One <c>--name VALUE</c> (or flag) option of a command.</summary>
public sealed record OptionSpec(string Name, string? ValueName, string Help, bool Required = false)
{
    public bool IsFlag => ValueName is null;
}
