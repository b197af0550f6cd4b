using Ingot.Core.Cloning;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Web.Machines;

/// <summary>
/// The clone action for the pages: the same checks as <see cref="MachineActions"/> (the source must be
/// visible, the action actionable: admin, not locked) and the same Core call,
/// <see cref="MachineCloner.CloneActionAsync"/>, which drops destinations that fail the storage or
/// interface checks and clones the rest. Where <see cref="MachineActions"/> folds the errors into one
/// JSON message, this keeps the outcome so the page can list the cloned machines and each error.
/// </summary>
public sealed class MachineCloneRunner(IMachineStore store, TimeProvider time)
{
    public async Task<CloneOutcome> CloneAsync(string sourceSystemId, ActionForm form, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        Machine source = await store.FindAsync(sourceSystemId, ct) ?? throw MachineOperationException.NotFound();
        if (!MachinePermissions.Has(actor, source, NodePermission.View))
        {
            throw MachineOperationException.NotFound();
        }

        if (!NodeActions.ByName[NodeActions.Clone].IsActionable(actor, source))
        {
            throw MachineOperationException.ActionError(NodeActions.NotAvailableMessage(NodeActions.Clone));
        }

        CloneParameters p = form.ToParameters(NodeActions.Clone).Cloning;
        return await new MachineCloner(store, time).CloneActionAsync(sourceSystemId, p.Destinations, p.Storage, p.Interfaces, actor, ct);
    }
}
