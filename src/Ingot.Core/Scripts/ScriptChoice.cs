namespace Ingot.Core.Scripts;

/// <summary>
/// The scripts a commissioning or testing run asks for, as <c>op=commission</c> / <c>op=test</c> and MAAS's UI
/// action send them: <c>commissioning_scripts</c> and <c>testing_scripts</c> (names, tags or ids; <c>none</c>
/// for none; null for the defaults) and the script parameters (<c>&lt;script&gt;_&lt;param&gt;</c> or
/// <c>&lt;param&gt;</c>, see <see cref="ScriptParameters"/>).
/// </summary>
public sealed record ScriptChoice(
    IReadOnlyList<string>? Commissioning = null,
    IReadOnlyList<string>? Testing = null,
    IReadOnlyDictionary<string, string>? Input = null)
{
    public static ScriptChoice Default { get; } = new();

    /// <summary>The parameters given (none: empty).</summary>
    public IReadOnlyDictionary<string, string> Parameters => Input ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A comma-separated list as the API and the UI take it; null (the defaults) when empty.</summary>
    public static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : [.. list.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];
}
