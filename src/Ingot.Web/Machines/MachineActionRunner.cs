using Ingot.Core.Config;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Machines;

/// <summary>
/// Runs MAAS's UI node actions for the pages through Core's <see cref="MachineActions"/> (the same
/// rules, permissions and error texts as MAAS's UI and websocket), then hands a machine that asked for
/// power to the power executor, as the API's ops do. Failures come back as MAAS's message, per machine.
/// </summary>
public sealed class MachineActionRunner(IMachineStore store, IConfigStore config, TimeProvider time, IServiceProvider services)
{
    /// <summary>The UI actions that need no form (set zone/pool, tag, untag and clone do and are not offered yet).</summary>
    public static IReadOnlyList<NodeAction> WithoutForm { get; } =
        [.. NodeActions.All.Where(a => a.Name is not (NodeActions.SetZone or NodeActions.SetPool or NodeActions.Tag or NodeActions.Untag or NodeActions.Clone))];

    public async Task<ActionResult> RunAsync(string systemId, string action, Actor actor, CancellationToken ct)
    {
        LifecycleSettings settings = await LifecycleSettingsLoader.LoadAsync(config, ct);
        try
        {
            Machine? machine = await new MachineActions(store, time, settings).ExecuteAsync(systemId, action, actor, null, ct);
            if (machine is { RequestedPower: not PowerRequest.None })
            {
                services.GetService<IPowerRequests>()?.Submit(machine.SystemId);
            }

            return new ActionResult(systemId, null);
        }
        catch (MachineOperationException e)
        {
            return new ActionResult(systemId, e.Message);
        }
    }

    /// <summary>Runs <paramref name="action"/> on each machine in turn; one failure does not stop the others.</summary>
    public async Task<IReadOnlyList<ActionResult>> RunManyAsync(IReadOnlyList<string> systemIds, string action, Actor actor, CancellationToken ct)
    {
        var results = new List<ActionResult>(systemIds.Count);
        foreach (string systemId in systemIds)
        {
            results.Add(await RunAsync(systemId, action, actor, ct));
        }

        return results;
    }
}
