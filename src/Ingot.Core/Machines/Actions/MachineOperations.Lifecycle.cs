using Ingot.Core.Machines.Permissions;
using Ingot.Core.Scripts;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>
    /// <c>op=commission</c>: admin; <c>CommissionForm</c> allows the commission action's statuses,
    /// else "Commission is not available because of the current state of the node." (400).
    /// Unlike the UI action there is no NIC rule.
    /// </summary>
    public Task<Machine> CommissionAsync(string systemId, Actor actor, CommissioningOptions? options, CancellationToken ct) =>
        CommissionAsync(systemId, actor, options, null, ct);

    /// <summary>Commission with the run's scripts and parameters (<see cref="MachineLifecycle.CommissionAsync"/>).</summary>
    public async Task<Machine> CommissionAsync(string systemId, Actor actor, CommissioningOptions? options, ScriptChoice? scripts, CancellationToken ct)
    {
        Machine m = await LoadAsync(systemId, actor, NodePermission.Admin, ct);
        if (!NodeActions.ByName[NodeActions.Commission].From.Contains(m.Status))
        {
            throw MachineOperationException.Validation("Commission is not available because of the current state of the node.");
        }

        await Lifecycle.CommissionAsync(m, actor, options, scripts, null, ct);
        return m;
    }

    /// <summary>
    /// <c>op=test</c>: admin; <c>TestForm</c> allows the test action's statuses, else "Test is not
    /// available because of the current state of the node." (400).
    /// </summary>
    public Task<Machine> TestAsync(string systemId, Actor actor, bool enableSsh, CancellationToken ct) =>
        TestAsync(systemId, actor, enableSsh, null, ct);

    /// <summary>Test with the run's scripts and parameters (<see cref="MachineLifecycle.TestAsync"/>).</summary>
    public async Task<Machine> TestAsync(string systemId, Actor actor, bool enableSsh, ScriptChoice? scripts, CancellationToken ct)
    {
        Machine m = await LoadAsync(systemId, actor, NodePermission.Admin, ct);
        if (!NodeActions.ByName[NodeActions.Test].From.Contains(m.Status))
        {
            throw MachineOperationException.Validation("Test is not available because of the current state of the node.");
        }

        await Lifecycle.TestAsync(m, actor, enableSsh, scripts, null, ct);
        return m;
    }

    /// <summary><c>op=abort</c>: needs only <b>edit</b> (the UI action needs admin).</summary>
    public Task<Machine> AbortAsync(string systemId, Actor actor, string? comment, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Edit, (m, now) => m.AbortOperation(actor, now, comment), ct);

    /// <summary>
    /// <c>op=mark_broken</c>: edit, and the caller must own the machine, else 403 (admins too);
    /// any status. <paramref name="comment"/> (or the legacy <c>error_description</c>) becomes
    /// error_description.
    /// </summary>
    public async Task<Machine> MarkBrokenAsync(string systemId, Actor actor, string? comment, CancellationToken ct)
    {
        Machine m = await LoadAsync(systemId, actor, NodePermission.Edit, ct);
        if (!actor.IsSystem && m.Owner != actor.Username)
        {
            throw MachineOperationException.PermissionDenied();
        }

        await Lifecycle.MarkBrokenAsync(m, actor, comment, null, ct);
        return m;
    }

    /// <summary><c>op=mark_fixed</c>: admin; unlike the UI action, <b>no</b> commissioning-result check.</summary>
    public Task<Machine> MarkFixedAsync(string systemId, Actor actor, string? comment, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Admin, (m, now) => m.MarkFixed(actor, now, comment), ct);

    /// <summary><c>op=override_failed_testing</c>: admin; the model's status check.</summary>
    public Task<Machine> OverrideFailedTestingAsync(string systemId, Actor actor, string? comment, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Admin, (m, now) => m.OverrideFailedTesting(actor, now, comment), ct);

    /// <summary>
    /// <c>op=rescue_mode</c>: admin; no status list of its own, only transition validation (so any
    /// source of ENTERING_RESCUE_MODE in the table, not the UI action's list).
    /// </summary>
    public Task<Machine> RescueModeAsync(string systemId, Actor actor, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Admin, (m, now) => m.StartRescueMode(actor, now, settings), ct);

    /// <summary><c>op=exit_rescue_mode</c>: admin; only transition validation.</summary>
    public Task<Machine> ExitRescueModeAsync(string systemId, Actor actor, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Admin, (m, now) => m.StopRescueMode(actor, now, settings), ct);
}
