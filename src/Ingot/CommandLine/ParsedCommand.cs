namespace Ingot.CommandLine;

/// <summary>The options given to a command, by name; flags map to "true".</summary>
public sealed class ParsedCommand(CommandSpec spec, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, IReadOnlyList<string>>? repeated = null)
{
    public CommandSpec Spec { get; } = spec;

    public bool HelpRequested => values.ContainsKey("help");

    public string? Get(string name) => values.GetValueOrDefault(name);

    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>Every value of a repeatable option, in the order given (empty when absent).</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        repeated?.GetValueOrDefault(name) ?? (values.TryGetValue(name, out string? one) ? [one] : []);

    public string Required(string name) =>
        values.TryGetValue(name, out string? v) ? v : throw new UsageException($"ingot {Spec.Name}: missing required option --{name}", Spec);
}
