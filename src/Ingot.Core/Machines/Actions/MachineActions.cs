using System.Text.Json;
using Ingot.Core.Cloning;
using Ingot.Core.Enlistment;
using Ingot.Core.Events;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

/// <summary>
/// Runs the UI/websocket node actions (<c>MachineHandler.action</c>): load, check
/// <see cref="NodeAction.IsActionable"/>, apply, save with an AUDIT event. A machine the actor
/// cannot view is not found (404); an action that is not actionable is a <c>NodeActionError</c>
/// "&lt;name&gt; action is not available for this node.". The REST ops differ in a few places and
/// live in <see cref="MachineOperations"/>; commission, test, deploy and release share with them
/// <see cref="Lifecycle"/> (deploy checks, AUTO addresses, script sets).
/// </summary>
public sealed class MachineActions(IMachineStore store, TimeProvider time, LifecycleSettings settings)
{
    /// <summary>What commission, test, deploy and release do around the transition; by default none of the optional pieces.</summary>
    public MachineLifecycle Lifecycle
    {
        get => field ??= new MachineLifecycle(store, time, settings);
        init;
    }

    /// <summary>Applies <paramref name="actionName"/>; returns the saved machine, or null when deleted.</summary>
    public async Task<Machine?> ExecuteAsync(
        string systemId, string actionName, Actor actor, ActionParameters? parameters, CancellationToken ct)
    {
        parameters ??= ActionParameters.None;
        Machine machine = await store.FindAsync(systemId, ct) ?? throw MachineOperationException.NotFound();
        if (!MachinePermissions.Has(actor, machine, NodePermission.View))
        {
            throw MachineOperationException.NotFound();
        }

        if (!NodeActions.ByName.TryGetValue(actionName, out NodeAction? action) || !action.IsActionable(actor, machine))
        {
            throw MachineOperationException.ActionError(NodeActions.NotAvailableMessage(actionName));
        }

        DateTime now = time.GetUtcNow().UtcDateTime;
        if (action.Name == NodeActions.Delete)
        {
            await store.DeleteAsync(machine, ct);
            return null;
        }

        if (action.Name == NodeActions.Clone)
        {
            await CloneAsync(machine, actor, parameters.Cloning, ct);
            return machine;
        }

        void Audit(Machine m, DateTime at) => m.Record(EventTypes.Audit, $"{action.Display.TrimEnd('.')} '{m.Hostname}'.", at, actor.Username);
        if (await StartRunAsync(action, machine, actor, parameters, Audit, ct))
        {
            return machine;
        }

        Apply(action, machine, actor, parameters, now);
        Audit(machine, now);
        await store.SaveAsync(machine, ct);
        return machine;
    }

    /// <summary>Commission, test, deploy and release go through <see cref="Lifecycle"/>, as the REST ops do; true when it was one of them.</summary>
    private async Task<bool> StartRunAsync(NodeAction action, Machine machine, Actor actor, ActionParameters p, Action<Machine, DateTime> audit, CancellationToken ct)
    {
        switch (action.Name)
        {
            case NodeActions.Commission:
                await AsActionErrorAsync(() => Lifecycle.CommissionAsync(machine, actor, p.Commissioning, p.Scripts, audit, ct));
                return true;
            case NodeActions.Test:
                await AsActionErrorAsync(() => Lifecycle.TestAsync(machine, actor, p.EnableSsh, p.Scripts, audit, ct));
                return true;
            case NodeActions.Deploy:
                await PrepareDeploymentAsync(machine, actor, p, ct);
                await Lifecycle.DeployAsync(machine, actor, p.Deploy, audit, ct, checkedAlready: true);
                return true;
            case NodeActions.Release:
                await Lifecycle.ReleaseAsync(machine, actor, p.Release with { Comment = p.Release.Comment ?? p.Comment }, audit, ct);
                return true;
            case NodeActions.MarkBroken:
                await Lifecycle.MarkBrokenAsync(machine, actor, p.Comment, audit, ct);
                return true;
            default:
                return false;
        }
    }

    private void Apply(NodeAction action, Machine machine, Actor actor, ActionParameters p, DateTime now)
    {
        switch (action.Name)
        {
            case NodeActions.Acquire:
                machine.Acquire(actor, now, p.Deploy.AgentName, p.Comment);
                break;
            case NodeActions.PowerOn:
                machine.Start(actor, now, settings, p.Comment);
                break;
            case NodeActions.PowerOff:
                machine.Stop(actor, now, p.StopMode, p.Comment);
                break;
            case NodeActions.Abort:
                machine.AbortOperation(actor, now, p.Comment);
                break;
            case NodeActions.RescueMode:
                machine.StartRescueMode(actor, now, settings);
                break;
            case NodeActions.ExitRescueMode:
                machine.StopRescueMode(actor, now, settings);
                break;
            case NodeActions.MarkFixed:
                // UI only: the REST op mark_fixed does not check commissioning results.
                if (machine.CommissioningResult != ScriptSetStatus.Passed)
                {
                    throw MachineOperationException.ActionError(
                        "Unable to be mark fixed because it has not been commissioned successfully.");
                }

                machine.MarkFixed(actor, now, p.Comment);
                break;
            case NodeActions.OverrideFailedTesting:
                machine.OverrideFailedTesting(actor, now, p.Comment);
                break;
            // MAAS's UI records "via web interface"; Ingot's lock form may send a comment instead.
            case NodeActions.Lock:
                machine.Lock(actor, now, p.Comment ?? "via web interface");
                break;
            case NodeActions.Unlock:
                machine.Unlock(actor, now, p.Comment ?? "via web interface");
                break;
            case NodeActions.Tag:
                machine.Tag(p.Tag, now);
                break;
            case NodeActions.Untag:
                machine.Untag(p.Tag, now);
                break;
            case NodeActions.SetZone:
                machine.SetZone(p.Zone, now);
                break;
            case NodeActions.SetPool:
                machine.SetPool(p.Pool, now);
                break;
            default:
                throw new InvalidOperationException($"The {action.Name} action has no handler.");
        }
    }

    /// <summary>
    /// The clone action: this machine is the source; destinations that fail their storage or
    /// interface checks are dropped and the rest are cloned (<see cref="MachineCloner.CloneActionAsync"/>);
    /// any error is then raised as a <c>NodeActionError</c> whose message is the JSON list of
    /// errors, each with code, message and system_id, as MAAS's action does.
    /// </summary>
    private async Task CloneAsync(Machine source, Actor actor, CloneParameters p, CancellationToken ct)
    {
        CloneOutcome outcome = await new MachineCloner(store, time)
            .CloneActionAsync(source.SystemId, p.Destinations, p.Storage, p.Interfaces, actor, ct);
        if (outcome.Errors.Count > 0)
        {
            throw MachineOperationException.ActionError(JsonSerializer.Serialize(
                outcome.Errors.Select(e => new Dictionary<string, string?>
                {
                    ["code"] = e.Code,
                    ["message"] = e.Message,
                    ["system_id"] = e.SystemId,
                })));
        }
    }

    /// <summary>
    /// The deploy action before <see cref="MachineLifecycle.DeployAsync"/>: diskless machines must deploy to
    /// memory (UI check, U+2019 apostrophe); hardware sync only on a Linux OS (<see cref="HardwareSync.HardwareSyncRules.CheckAction"/>);
    /// then the deploy checks (<see cref="MachineLifecycle.CheckDeploymentAsync"/>:
    /// image, network, storage), so that a refusal leaves the machine as it was; then an unowned machine is acquired.
    /// </summary>
    private async Task PrepareDeploymentAsync(Machine machine, Actor actor, ActionParameters p, CancellationToken ct)
    {
        if (machine.BlockDevices.Count == 0 && !p.Deploy.EphemeralDeploy)
        {
            throw MachineOperationException.ActionError(
                "Can\u2019t deploy to disk in a diskless machine. Deploy to memory must be used instead.");
        }

        HardwareSync.HardwareSyncRules.CheckAction(p.Deploy);

        await Lifecycle.CheckDeploymentAsync(machine, p.Deploy, ct);
        if (machine.Owner is null)
        {
            machine.Acquire(actor, time.GetUtcNow().UtcDateTime, p.Deploy.AgentName, p.Comment);
        }
    }

    /// <summary>Commission and Test turn validation errors into <c>NodeActionError</c>, as MAAS does.</summary>
    private static async Task AsActionErrorAsync(Func<Task> apply)
    {
        try
        {
            await apply();
        }
        catch (MachineOperationException e) when (e.Kind == "ValidationError" && e is not MachineFormException)
        {
            throw MachineOperationException.ActionError(e.Message);
        }
    }
}
