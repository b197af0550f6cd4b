using System.Text.RegularExpressions;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Ingot.E2E.Tests.LongestWalkFirst))]

namespace Ingot.E2E.Tests;

/// <summary>
/// The order xunit starts the E2E test classes in (each class is a test collection; xunit runs two at once on this 2-core host:
/// the conservative algorithm, ProcessorCount threads). xunit's default order is random at every run, which can leave the
/// longest walk for last and the stage waiting on it alone; longest first (by the times in docs/deploy-notes.md, "E2E stage
/// budget", and docs/fullfi-notes.md, "E2E stage time" and "E2E stage bound") lets the shorter classes fill the other slot. Classes not
/// named here follow, by name (the explicit BIOS flat walk among them, which runs only when asked). test.sh runs the storage walk as
/// a stage of its own, after the others.
/// </summary>
public sealed class LongestWalkFirst : ITestCollectionOrderer
{
    private static readonly string[] s_longestFirst =
    [
        nameof(DebianStorageDeploymentTests),
        nameof(DebianUefiDeploymentTests),
        nameof(FullLifecycleTests),
        nameof(RescueModeTests),
        nameof(CommissioningTests),
        nameof(NetworkBootTests),
    ];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. testCollections.OrderBy(c => Rank(c)).ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    private static int Rank(ITestCollection collection)
    {
        int rank = Array.FindIndex(s_longestFirst, name => Regex.IsMatch(collection.TestCollectionDisplayName, $@"\.{name}\b"));
        return rank < 0 ? s_longestFirst.Length : rank;
    }
}
