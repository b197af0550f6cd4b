using Ingot.Core.Config;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Power;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Machines;

/// <summary>
/// Runs MAAS's UI node actions for the pages through Core's <see cref="MachineActions"/> (the same
/// rules, permissions and error texts as MAAS's UI and websocket), then, as the API's ops do, makes the
/// script sets of a commissioning or testing run (<see cref="ScriptSelection"/>, with the scripts the
/// form chose) and hands a machine that asked for power to the power executor. Failures come back as
/// MAAS's message, per machine.
/// </summary>
public sealed class MachineActionRunner(IMachineStore store, IConfigStore config, TimeProvider time, IServiceProvider services)
{
    /// <summary>The UI actions that need no form, offered in bulk on the list (the others have forms on a machine's page).</summary>
    public static IReadOnlyList<NodeAction> WithoutForm { get; } =
        [.. NodeActions.All.Where(a => a.Name is not (NodeActions.SetZone or NodeActions.SetPool or NodeActions.Tag or NodeActions.Untag or NodeActions.Clone))];

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

            Machine? machine = await new MachineActions(store, time, settings).ExecuteAsync(systemId, action, actor, parameters, ct);
            if (machine is not null && action is NodeActions.Commission or NodeActions.Test)
            {
                await MakeScriptSetsAsync(machine, action, actor, form ?? new ActionForm(), ct);
            }

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
            results.Add(await RunAsync(systemId, action, actor, null, ct));
        }

        return results;
    }

    /// <summary>What <c>op=commission</c> and <c>op=test</c> do after the transition: the run's script sets.</summary>
    private async Task MakeScriptSetsAsync(Machine machine, string action, Actor actor, ActionForm form, CancellationToken ct)
    {
        if (services.GetService<IScriptResultStore>() is not { } results || services.GetService<ScriptCatalog>() is not { } catalog)
        {
            return;
        }

        var selection = new ScriptSelection(results, catalog, time);
        var input = new Dictionary<string, string>(StringComparer.Ordinal);
        if (action == NodeActions.Commission)
        {
            await selection.CreateAsync(machine, ScriptSetKind.Commissioning, ActionForm.Scripts(form.CommissioningScripts), input, form.SkipBmcConfig ? actor : null, ct);
        }

        await selection.CreateAsync(machine, ScriptSetKind.Testing, ActionForm.Scripts(form.TestingScripts), input, null, ct);
    }
}
