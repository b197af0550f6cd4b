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
    /// <summary>How many names one question asks about.</summary>
    public const int CandidatesPerAsk = 32;

    private const int RandomRounds = 3;

    private const int MaxSuffix = 100_000;

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

    /// <summary>A random hostname that is not in <paramref name="taken"/> (see <see cref="PickUnusedAsync"/>).</summary>
    public string NextUnused(IReadOnlySet<string> taken) =>
        PickUnusedAsync(names => Task.FromResult<IReadOnlySet<string>>(names.Where(taken.Contains).ToHashSet()))
            .GetAwaiter().GetResult();

    /// <summary>
    /// A hostname no machine has (MAAS's <c>set_random_hostname</c>): <see cref="CandidatesPerAsk"/> random
    /// two-word names at a time, asking <paramref name="takenAmong"/> which of them are taken; once a few
    /// rounds find every one taken (a fleet larger than the word lists), a numbered name, <c>stem-2</c>,
    /// <c>stem-3</c>, …, asked about the same way. Each round is one question, so a store answers it with
    /// one query on its hostname column however many machines it holds. With <paramref name="spread"/> (a retry
    /// after a concurrent enlistment stored the name first) the pick is a random free name of the batch, not the
    /// first, so that writers racing for the same numbers do not keep choosing the same one.
    /// </summary>
    public async Task<string> PickUnusedAsync(Func<IReadOnlyCollection<string>, Task<IReadOnlySet<string>>> takenAmong, bool spread = false)
    {
        ArgumentNullException.ThrowIfNull(takenAmong);
        for (int round = 0; round < RandomRounds; round++)
        {
            string[] names = [.. Enumerable.Range(0, CandidatesPerAsk).Select(_ => Next()).Distinct(StringComparer.Ordinal)];
            if (await FreeAsync(names, takenAmong, spread) is { } free)
            {
                return free;
            }
        }

        string stem = Next();
        for (int first = 2; first < MaxSuffix; first += CandidatesPerAsk)
        {
            string[] names = [.. Enumerable.Range(first, CandidatesPerAsk).Select(n => $"{stem}-{n}")];
            if (await FreeAsync(names, takenAmong, spread) is { } free)
            {
                return free;
            }
        }

        throw new InvalidOperationException($"No unused hostname found: '{stem}-2' to '{stem}-{MaxSuffix}' are all taken.");
    }

    private async Task<string?> FreeAsync(
        string[] names, Func<IReadOnlyCollection<string>, Task<IReadOnlySet<string>>> takenAmong, bool spread)
    {
        IReadOnlySet<string> taken = await takenAmong(names);
        string[] free = [.. names.Where(n => !taken.Contains(n))];
        return free.Length == 0 ? null : free[spread ? random.Next(free.Length) : 0];
    }

    /// <summary>MAAS's <c>IP_BASED_HOSTNAME_REGEXP</c> (<c>\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}$</c>, matched at the start).</summary>
    public static bool IsIpBased(string hostname) => IpBasedHostname().IsMatch(hostname);

    /// <summary>Whether MAAS would replace this hostname by a generated one: empty or IP-based.</summary>
    public static bool NeedsReplacing(string? hostname) => string.IsNullOrEmpty(hostname) || IsIpBased(hostname);

    [GeneratedRegex(@"^\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IpBasedHostname();
}
