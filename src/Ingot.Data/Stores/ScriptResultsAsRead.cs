using System.Runtime.CompilerServices;
using Ingot.Core.Scripts;

namespace Ingot.Data.Stores;

/// <summary>
/// Each script result as it was read from the database, by object, so that a set's save writes only the
/// results that changed since (<see cref="ScriptSetWrite"/>): a signal changes one or two results of a
/// set of twenty, whose outputs (lshw's XML among them) would otherwise be written back on every signal.
/// Results are written only in a set's save, a compare-and-set on the set's version, so a result that
/// equals its read copy when that save succeeds equals the stored row. A result staged for writing is
/// forgotten (its next save writes it whole), so a copy is never older than the row.
/// </summary>
internal static class ScriptResultsAsRead
{
    private static readonly ConditionalWeakTable<ScriptResult, Copy> s_read = [];

    /// <summary>Remembers every result of these sets as read.</summary>
    public static T Remember<T>(T sets)
        where T : IEnumerable<ScriptSet>
    {
        foreach (ScriptSet set in sets)
        {
            Remember(set);
        }

        return sets;
    }

    public static ScriptSet? Remember(ScriptSet? set)
    {
        foreach (ScriptResult result in set?.Results ?? [])
        {
            s_read.AddOrUpdate(result, Copy.Of(result));
        }

        return set;
    }

    /// <summary>Whether <paramref name="result"/> is known to be as it was read (every column equal).</summary>
    public static bool Unchanged(ScriptResult result) =>
        s_read.TryGetValue(result, out Copy? read) && read.Matches(result);

    public static void Forget(ScriptResult result) => s_read.Remove(result);

    private sealed record Copy(
        long Id, long ScriptSetId, string Name, int? ScriptId, int? ScriptVersionId, ScriptStatus Status, string Parameters,
        int? ExitStatus, double? Runtime, byte[] Output, byte[] Stdout, byte[] Stderr, byte[] Result,
        DateTime Created, DateTime Updated, DateTime? Started, DateTime? Ended)
    {
        public static Copy Of(ScriptResult r) => new(
            r.Id, r.ScriptSetId, r.Name, r.ScriptId, r.ScriptVersionId, r.Status, r.Parameters, r.ExitStatus, r.Runtime,
            [.. r.Output], [.. r.Stdout], [.. r.Stderr], [.. r.Result], r.Created, r.Updated, r.Started, r.Ended);

        public bool Matches(ScriptResult r) =>
            (Id, ScriptSetId, Name, ScriptId, ScriptVersionId, Status, Parameters, ExitStatus, Runtime, Created, Updated, Started, Ended)
                == (r.Id, r.ScriptSetId, r.Name, r.ScriptId, r.ScriptVersionId, r.Status, r.Parameters, r.ExitStatus, r.Runtime, r.Created, r.Updated, r.Started, r.Ended)
            && Output.AsSpan().SequenceEqual(r.Output) && Stdout.AsSpan().SequenceEqual(r.Stdout)
            && Stderr.AsSpan().SequenceEqual(r.Stderr) && Result.AsSpan().SequenceEqual(r.Result);
    }
}
