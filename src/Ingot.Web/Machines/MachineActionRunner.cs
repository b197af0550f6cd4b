using Ingot.Core.Config;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Machines;

/// <summary>
/// Runs MAAS's UI node actions for the pages through Core's <see cref="MachineActions"/> (the same
/// rules, permissions and error texts as MAAS's UI and websocket), with the same
/// <see cref="MachineLifecycle"/> as the API's ops (deploy checks, AUTO addresses, the script sets of a
/// commissioning or testing run), and hands a machine that asked for power to the power executor.
/// Failures come back as MAAS's message, per machine. An action whose save lost the machine's compare-and-set
/// (the power executor or a status message wrote it meanwhile) is decided again on a fresh read
/// (<see cref="ConflictRetry"/>), as the API's ops are.
/// </summary>
public sealed class MachineActionRunner(IMachineStore store, IConfigStore config, TimeProvider time, IServiceProvider services)
{
    /// <summary>
    /// The actions offered in bulk on the list, in MAAS's order (untag next to tag, choosing among the selected
    /// machines' tags); clone takes the selection as its destinations.
    /// </summary>
    public static IReadOnlyList<NodeAction> Bulk { get; } = NodeActions.All;

    public Task<ActionResult> RunAsync(string systemId, string action, Actor actor, CancellationToken ct) =>
        RunAsync(systemId, action, actor, null, ct);

    /// <summary>Runs <paramref name="action"/> with the form's <paramref name="form"/> (null: MAAS's defaults).</summary>
    public async Task<ActionResult> RunAsync(string systemId, string action, Actor actor, ActionForm? form, CancellationToken ct)
    {
        LifecycleSettings settings = await LifecycleSettingsLoader.LoadAsync(config, ct);
        try
        {
            ActionParameters parameters = form?.ToParameters(action) ?? ActionParameters.None;
            if (action is NodeActions.Tag && services.GetService<ITagStore>() is { } tags && await tags.FindAsync(parameters.Tag, ct) is null)
            {
                // The API tags machines through tags/{name}/ op=update_nodes: an unknown tag is not found.
                throw NotFound.Of("Tag");
            }

            var actions = new MachineActions(store, time, settings) { Lifecycle = MachineLifecycle.Compose(services, settings) };
            Machine? machine = await ConflictRetry.RunAsync(c => actions.ExecuteAsync(systemId, action, actor, parameters, c), time, ct);

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
    public Task<IReadOnlyList<ActionResult>> RunManyAsync(IReadOnlyList<string> systemIds, string action, Actor actor, CancellationToken ct) =>
        RunManyAsync(systemIds, action, actor, null, ct);

    /// <summary>Runs <paramref name="action"/> with one form's parameters on each machine in turn; one failure does not stop the others.</summary>
    public async Task<IReadOnlyList<ActionResult>> RunManyAsync(IReadOnlyList<string> systemIds, string action, Actor actor, ActionForm? form, CancellationToken ct)
    {
        var results = new List<ActionResult>(systemIds.Count);
        foreach (string systemId in systemIds)
        {
            results.Add(await RunAsync(systemId, action, actor, form, ct));
        }

        return results;
    }
}
