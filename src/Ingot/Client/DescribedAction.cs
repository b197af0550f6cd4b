using System.Text.RegularExpressions;

namespace Ingot.Client;

/// <summary>
/// One action of a handler in <c>describe/</c>: its method, its <c>op</c> (null for read/create/update/delete)
/// and its documentation, whose <c>:param name:</c> lines name the parameters it takes.
/// </summary>
public sealed partial record DescribedAction(string Name, string Method, string? Op, string Doc)
{
    public string Command => HandlerNames.Action(Name);

    public string Summary => Doc.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    public IReadOnlyList<string> Parameters =>
        [.. ParamLine().Matches(Doc).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@":param\s+(?:[a-zA-Z_]+\s+)?([a-zA-Z0-9_]+)\s*:")]
    private static partial Regex ParamLine();
}
