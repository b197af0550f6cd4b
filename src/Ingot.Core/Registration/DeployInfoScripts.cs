using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;

namespace Ingot.Core.Registration;

/// <summary>
/// MAAS's "deploy-info" script set (<c>ScriptSetManager.create_deployed_machine_script_set</c>): the default
/// commissioning scripts tagged <c>deploy-info</c> — those MAAS's <c>NODE_INFO_SCRIPTS</c> marks
/// <c>run_on_controller</c>, which only read the running system — queued for a machine added as deployed. Ingot ships
/// five of them (MAAS's <c>20-maas-03-machine-resources</c> is folded into Ingot's <c>50-maas-01-commissioning</c>,
/// which prints the resources document itself). The registration script runs these bodies on the live machine; the
/// set is the machine's current commissioning set, and a later report overwrites its results in place, as MAAS's
/// hardware sync does (<c>include_finished</c> for DEPLOYED in <c>MAASScriptsHandler</c>).
/// </summary>
public static class DeployInfoScripts
{
    /// <summary>MAAS's tag on the scripts and on the set.</summary>
    public const string Tag = "deploy-info";

    /// <summary>The scripts, in the order the registration script runs them.</summary>
    public static IReadOnlyList<BuiltInScript> All { get; } =
    [
        .. ((string[])["maas-support-info", "maas-lshw", "maas-list-modaliases", "maas-serial-ports", CommissioningHooks.ResourcesScript])
            .Select(name => BuiltInScripts.Find(name) ?? throw new InvalidOperationException($"No built-in script {name}.")),
    ];

    public static bool Contains(string name) => All.Any(s => s.Name == name);

    /// <summary>Whether <paramref name="set"/> is a deploy-info set.</summary>
    public static bool IsDeployInfo(ScriptSet? set) => set is not null && set.Kind == ScriptSetKind.Commissioning && set.Tags.Contains(Tag);

    /// <summary>
    /// Stores a new pending deploy-info set as the machine's current commissioning set (a machine just added with
    /// <c>deployed=true</c>); the set of that run if one was stored meanwhile. Its first registration report fills it.
    /// </summary>
    public static Task<ScriptSet> AddSetAsync(IScriptResultStore results, Machine machine, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.AddSetAsync(NewSet(machine, now), ct);
    }

    /// <summary>A new deploy-info set for the machine's current script run, every result pending.</summary>
    public static ScriptSet NewSet(Machine machine, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = ScriptSetKind.Commissioning, Run = machine.ScriptRun, Created = now, Tags = [Tag] };
        set.Results.AddRange(All.Select(script => new ScriptResult
        {
            Name = script.Name,
            ScriptId = script.Id,
            ScriptVersionId = script.Id,
            Status = ScriptStatus.Pending,
            Created = now,
            Updated = now,
        }));
        return set;
    }
}
