namespace Ingot.Core.Machines.Filters;

/// <summary>
/// A <c>POST machines/ op=allocate</c> request: its form as sent (constraints and options such as
/// <c>agent_name</c>, <c>comment</c>, <c>dry_run</c>) and the names that exist, for validation.
/// </summary>
public sealed record AllocationRequest(IReadOnlyDictionary<string, IReadOnlyList<string>> Form, FilterVocabulary Vocabulary)
{
    public static AllocationRequest Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), FilterVocabulary.Unchecked);

    /// <summary>A request from key/value pairs (repeated keys become lists), with names unchecked.</summary>
    public static AllocationRequest Of(params (string Key, string Value)[] pairs) => new(
        pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Value)]),
        FilterVocabulary.Unchecked);

    public bool DryRun => Flag("dry_run");

    public bool Verbose => Flag("verbose");

    public string? Comment => Form.TryGetValue("comment", out var v) && v.Count > 0 ? v[^1] : null;

    /// <summary>
    /// The request as MAAS prints it in "No available machine matches constraints: …": a Python
    /// list of (key, [values]) pairs in the order sent, without <c>op</c>.
    /// </summary>
    public string Repr() => "[" + string.Join(", ", Form
        .Where(f => f.Key != "op")
        .Select(f => $"('{f.Key}', [{string.Join(", ", f.Value.Select(v => $"'{v}'"))}])")) + "]";

    private bool Flag(string key) =>
        Form.TryGetValue(key, out var v) && v.Count > 0 && v[^1].ToLowerInvariant() is "true" or "1" or "on" or "yes";
}
