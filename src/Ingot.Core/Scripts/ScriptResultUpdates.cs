using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts;

/// <summary>
/// What a signal does to the results of a script set (MAAS's <c>_store_results</c> and
/// <c>ScriptResult.store_result</c>), as pure functions over the set in memory.
/// </summary>
public static class ScriptResultUpdates
{
    /// <summary>
    /// Applies <paramref name="request"/> to <paramref name="set"/>: each upload is stored in the result
    /// named by <c>script_result_id</c> (or by its script name; a name the set lacks gets a new result)
    /// with the exit status, runtime and files; its status becomes TIMEDOUT for a TIMEDOUT signal, else
    /// what the result YAML says, else PASSED for exit status 0 and FAILED otherwise. Without files,
    /// WORKING / INSTALLING / APPLYING_NETCONF with a result id or name move a pending result to
    /// RUNNING / INSTALLING / APPLYING_NETCONF. Throws (400) for a result id the set does not hold.
    /// </summary>
    public static void Apply(ScriptSet set, SignalRequest request, DateTime now)
    {
        set.LastPing = now;
        IReadOnlyList<ScriptUpload> uploads = request.Uploads ?? [];
        if (uploads.Count == 0)
        {
            ScriptStatus? progress = request.Status switch
            {
                "WORKING" => ScriptStatus.Running,
                "INSTALLING" => ScriptStatus.Installing,
                "APPLYING_NETCONF" => ScriptStatus.ApplyingNetconf,
                _ => null,
            };
            if (progress is { } status && Find(set, request.ScriptResultId, request.Name) is { } running)
            {
                running.Status = status;
                running.Started ??= now;
                running.Updated = now;
                if (request.ScriptVersionId is { } version)
                {
                    running.ScriptVersionId = version;
                }
            }

            return;
        }

        foreach (ScriptUpload upload in uploads)
        {
            ScriptResult result = Find(set, request.ScriptResultId, upload.ScriptName) ?? Add(set, upload.ScriptName, now);
            Store(result, upload, request, now);
        }
    }

    /// <summary>A failed machine's pending and running results become ABORTED (MAAS's failure path).</summary>
    public static bool AbortUnfinished(ScriptSet set, DateTime now)
    {
        bool changed = false;
        foreach (ScriptResult result in set.Results.Where(r => ScriptStatuses.RunningOrPending.Contains(r.Status)))
        {
            result.Status = ScriptStatus.Aborted;
            result.Updated = now;
            changed = true;
        }

        return changed;
    }

    /// <summary>Whether a result of the set failed (MAAS's <c>SCRIPT_STATUS_FAILED</c>).</summary>
    public static bool HasFailed(ScriptSet? set) => set?.Results.Any(r => ScriptStatuses.Failed.Contains(r.Status)) ?? false;

    private static ScriptResult? Find(ScriptSet set, long? id, string? name)
    {
        if (id is { } resultId)
        {
            return set.Results.FirstOrDefault(r => r.Id == resultId)
                ?? throw MachineOperationException.Validation($"Unknown script_result_id: {resultId}");
        }

        return name is null ? null : set.Results.FirstOrDefault(r => r.Name == name);
    }

    private static ScriptResult Add(ScriptSet set, string name, DateTime now)
    {
        var result = new ScriptResult
        {
            Name = name,
            ScriptId = BuiltInScripts.Find(name)?.Id,
            ScriptSetId = set.Id,
            Status = ScriptStatus.Pending,
            Created = now,
            Updated = now,
        };
        set.Results.Add(result);
        return result;
    }

    private static void Store(ScriptResult result, ScriptUpload upload, SignalRequest request, DateTime now)
    {
        result.Output = upload.Output ?? result.Output;
        result.Stdout = upload.Stdout ?? result.Stdout;
        result.Stderr = upload.Stderr ?? result.Stderr;
        result.Result = upload.Result ?? result.Result;
        result.ExitStatus = request.ExitStatus;
        result.Runtime = request.Runtime ?? result.Runtime;
        result.ScriptVersionId = request.ScriptVersionId ?? result.ScriptVersionId;
        result.Started ??= now;
        result.Ended = now;
        result.Updated = now;
        if (request.Status == SignalStatuses.WireName(SignalStatus.TimedOut))
        {
            result.Status = ScriptStatus.TimedOut;
            return;
        }

        (ScriptStatus? fromYaml, string? error) = upload.Result is { } yaml ? ResultYaml.ReadStatus(yaml) : (null, null);
        if (error is not null)
        {
            // A malformed result fails that script with a clear message, not the request.
            result.Status = ScriptStatus.Failed;
            result.Stderr = [.. result.Stderr, .. System.Text.Encoding.UTF8.GetBytes($"\n{error}\n")];
            return;
        }

        result.Status = fromYaml ?? (request.ExitStatus == 0 ? ScriptStatus.Passed : ScriptStatus.Failed);
    }
}
