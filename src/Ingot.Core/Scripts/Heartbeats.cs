using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Scripts;

/// <summary>
/// MAAS's <c>mark_nodes_failed_after_missing_script_timeout</c>, heartbeat part, as pure functions over a
/// machine and its current set (<see cref="ScriptTimeouts"/> finds them and saves).
/// </summary>
public static class Heartbeats
{
    /// <summary>MAAS's maaslog/error text for a machine that stopped signalling.</summary>
    public static string NotHeardFrom(int minutes) => $"Node has not been heard from for the last {minutes} minutes";

    /// <summary>The set was pinged, and last more than <paramref name="nodeTimeout"/> minutes before <paramref name="now"/>.</summary>
    public static bool Flatlined(ScriptSet set, DateTime now, int nodeTimeout) =>
        set.LastPing is { } ping && ping < now - TimeSpan.FromMinutes(nodeTimeout);

    /// <summary>
    /// On a flatlined machine: when a running script may reboot it, re-arms the expiry to last ping +
    /// node_timeout and returns false; else fails the machine (<see cref="NotHeardFrom"/>, a system
    /// mark-failed), sets the running and pending results of <paramref name="set"/> and
    /// <paramref name="testing"/> to TIMEDOUT, powers it off unless SSH is enabled, and returns true.
    /// </summary>
    public static bool Apply(Machine machine, ScriptSet set, ScriptSet? testing, bool mayReboot, DateTime now, int nodeTimeout)
    {
        if (mayReboot)
        {
            machine.SetStatusExpires(set.LastPing!.Value + TimeSpan.FromMinutes(nodeTimeout));
            return false;
        }

        foreach (ScriptResult result in new[] { set, testing }.OfType<ScriptSet>().SelectMany(s => s.Results).Where(r => ScriptStatuses.RunningOrPending.Contains(r.Status)))
        {
            result.Status = ScriptStatus.TimedOut;
            result.Updated = now;
        }

        machine.MarkFailed(NotHeardFrom(nodeTimeout), now, Actor.System);
        if (!machine.EnableSsh)
        {
            machine.Stop(Actor.System, now, comment: "Node stopped because SSH is disabled");
        }

        return true;
    }
}
