using System.Text.RegularExpressions;

namespace Ingot.Core.Enlistment;

/// <summary>
/// Hostnames for machines that arrive without a usable one (MAAS's <c>set_random_hostname</c>,
/// a "petname"): an adjective and a noun joined by '-'. MAAS replaces an empty hostname and an
/// IP-based one (<c>IP_BASED_HOSTNAME_REGEXP</c>, e.g. <c>192-168-1-10</c>, which comes from a
/// reverse DNS lookup of MAAS's own zone).
/// </summary>
public sealed partial class HostnameGenerator(Random random)
{
    private static readonly string[] s_adjectives =
    [
        "amber", "brave", "calm", "clever", "cosmic", "crisp", "daring", "eager", "fair", "fancy",
        "gentle", "golden", "happy", "honest", "humble", "jolly", "keen", "lively", "lucky", "mellow",
        "merry", "modest", "noble", "polite", "proud", "quick", "quiet", "rapid", "ready", "robust",
        "shiny", "snappy", "steady", "sunny", "swift", "tidy", "upbeat", "vivid", "witty", "zesty",
    ];

    private static readonly string[] s_nouns =
    [
        "badger", "beacon", "bison", "cobalt", "condor", "cricket", "dingo", "falcon", "ferret", "gannet",
        "gecko", "heron", "ibex", "jackal", "kestrel", "koala", "lemur", "lynx", "magpie", "marmot",
        "marten", "newt", "ocelot", "osprey", "otter", "panda", "pelican", "puffin", "quail", "raven",
        "salmon", "seal", "shrew", "stoat", "swift", "tapir", "toucan", "walrus", "wombat", "yak",
    ];

    public static HostnameGenerator Shared { get; } = new(Random.Shared);

    public static IReadOnlyList<string> Adjectives => s_adjectives;

    public static IReadOnlyList<string> Nouns => s_nouns;

    /// <summary>A random two-word hostname, e.g. <c>steady-otter</c>.</summary>
    public string Next() =>
        $"{s_adjectives[random.Next(s_adjectives.Length)]}-{s_nouns[random.Next(s_nouns.Length)]}";

    /// <summary>A random hostname that is not in <paramref name="taken"/> (a few tries, then a numeric suffix).</summary>
    public string NextUnused(IReadOnlySet<string> taken)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            string name = Next();
            if (!taken.Contains(name))
            {
                return name;
            }
        }

        string stem = Next();
        int suffix = 2;
        while (taken.Contains($"{stem}-{suffix}"))
        {
            suffix++;
        }

        return $"{stem}-{suffix}";
    }

    /// <summary>MAAS's <c>IP_BASED_HOSTNAME_REGEXP</c> (<c>\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}$</c>, matched at the start).</summary>
    public static bool IsIpBased(string hostname) => IpBasedHostname().IsMatch(hostname);

    /// <summary>Whether MAAS would replace this hostname by a generated one: empty or IP-based.</summary>
    public static bool NeedsReplacing(string? hostname) => string.IsNullOrEmpty(hostname) || IsIpBased(hostname);

    [GeneratedRegex(@"^\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IpBasedHostname();
}
