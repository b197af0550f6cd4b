using Ingot.Core.Machines.Permissions;
using Ingot.Core.Power;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>
    /// <c>op=power_on</c>: edit; an unowned machine is 409 "Can't start node: it hasn't been
    /// allocated.". On an ALLOCATED machine this starts the deployment (MAAS's <c>start</c>). Unlike
    /// the UI "on" action there is no status list.
    /// </summary>
    public Task<Machine> PowerOnAsync(string systemId, Actor actor, string? comment, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Edit, (m, now) =>
        {
            if (m.Owner is null)
            {
                throw MachineOperationException.StateViolation("Can't start node: it hasn't been allocated.");
            }

            m.Start(actor, now, settings, comment);
        }, ct);

    /// <summary>
    /// <c>op=power_off</c>: edit; any status (the UI "off" action excludes monitored statuses and
    /// machines already off).
    /// </summary>
    public Task<Machine> PowerOffAsync(string systemId, Actor actor, StopMode stopMode, string? comment, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Edit, (m, now) => m.Stop(actor, now, stopMode, comment), ct);

    /// <summary>
    /// <c>op=lock</c>: lock permission (which ignores <c>locked</c>); already locked is 409
    /// "Machine is already locked" (the model itself would return silently).
    /// </summary>
    public Task<Machine> LockAsync(string systemId, Actor actor, string? comment, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Lock, (m, now) =>
        {
            if (m.Locked)
            {
                throw MachineOperationException.StateViolation("Machine is already locked");
            }

            m.Lock(actor, now, comment);
        }, ct);

    /// <summary><c>op=unlock</c>: lock permission; not locked is 409 "Machine is not locked".</summary>
    public Task<Machine> UnlockAsync(string systemId, Actor actor, string? comment, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Lock, (m, now) =>
        {
            if (!m.Locked)
            {
                throw MachineOperationException.StateViolation("Machine is not locked");
            }

            m.Unlock(actor, now, comment);
        }, ct);

    /// <summary>
    /// A power report for a machine (from a power query or the BMC): <see cref="Machine.UpdatePowerState"/>,
    /// as the system. Finishes a RELEASING machine that reads off and settles EXITING_RESCUE_MODE.
    /// </summary>
    public Task<Machine> ReportPowerStateAsync(string systemId, PowerState state, CancellationToken ct) =>
        ApplyAsync(systemId, Actor.System, NodePermission.View, (m, now) => m.UpdatePowerState(state, now), ct);
}
