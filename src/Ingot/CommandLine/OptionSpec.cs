namespace Ingot.CommandLine;

/// <summary>One <c>--name VALUE</c> (or flag) option of a command; a repeatable one may be given several times.</summary>
public sealed record OptionSpec(string Name, string? ValueName, string Help, bool Required = false, bool Repeatable = false)
{
    public bool IsFlag => ValueName is null;
}
