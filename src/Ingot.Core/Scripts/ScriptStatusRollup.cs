namespace Ingot.Core.Scripts;

/// <summary>
/// MAAS's status of a group of results as the machine JSON shows it (<c>get_status_from_qs</c> and
/// <c>get_overall_status</c> in <c>maasserver/models/scriptset.py</c>, fed by <c>get_cached_script_results</c>,
/// which leaves aborted results out): none → null (written -1 "Unknown"); else, in this order of precedence, any
/// running, applying or installing result → Running; pending → Pending; aborted → Aborted; failed, failed applying,
/// failed installing or timed out → Failed; degraded → Degraded; otherwise (passed, skipped) → Passed.
/// </summary>
public static class ScriptStatusRollup
{
    private static readonly ScriptStatus[] s_precedence =
    [
        ScriptStatus.Running, ScriptStatus.ApplyingNetconf, ScriptStatus.Installing, ScriptStatus.Pending, ScriptStatus.Aborted,
        ScriptStatus.Failed, ScriptStatus.FailedApplyingNetconf, ScriptStatus.FailedInstalling, ScriptStatus.TimedOut, ScriptStatus.Degraded,
    ];

    /// <summary>The health status of <paramref name="latest"/> (the latest result of each script): aborted results are not counted.</summary>
    public static ScriptStatus? Health(IEnumerable<ScriptStatus> latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var counted = latest.Where(s => s != ScriptStatus.Aborted).ToHashSet();
        return counted.Count == 0 ? null : Overall(counted);
    }

    /// <summary><c>get_overall_status</c> of a non-empty group.</summary>
    public static ScriptStatus Overall(IReadOnlySet<ScriptStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (ScriptStatus status in s_precedence)
        {
            if (statuses.Contains(status))
            {
                return status switch
                {
                    ScriptStatus.ApplyingNetconf or ScriptStatus.Installing => ScriptStatus.Running,
                    _ when ScriptStatuses.Failed.Contains(status) => ScriptStatus.Failed,
                    _ => status,
                };
            }
        }

        return ScriptStatus.Passed;
    }
}
