using System.Text.RegularExpressions;

namespace Ingot.Client;

/// <summary>
/// Command names as the <c>maas</c> CLI derives them from <c>describe/</c>: the camel-case words of a
/// handler name (a word is capitals followed by lower-case letters or digits, or a run of capitals),
/// lower-cased, <c>handler</c> dropped, joined with hyphens (<c>BootResourcesHandler</c> →
/// <c>boot-resources</c>, <c>IPAddressesHandler</c> → <c>ipaddresses</c>); an action's words joined with
/// hyphens (<c>power_parameters</c> → <c>power-parameters</c>).
/// </summary>
public static partial class HandlerNames
{
    public static string Command(string handlerName) =>
        string.Join('-', Words(handlerName).Select(w => w.ToLowerInvariant()).Where(w => w != "handler"));

    public static string Action(string actionName) => string.Join('-', Words(actionName));

    private static IEnumerable<string> Words(string name) => CamelCaseWord().Matches(name).Select(m => m.Groups[1].Value);

    [GeneratedRegex("([A-Z]*[a-z0-9]+|[A-Z]+)(?:(?=[^a-z0-9])|\\z)")]
    private static partial Regex CamelCaseWord();
}
