using Ingot.Core.Users;

namespace Ingot.Core.Machines.Permissions;

/// <summary>
/// MAAS's permission semantics without RBAC (<c>MAASAuthorizationBackend.has_perm</c>,
/// <c>src/maasserver/auth/local.py</c>), computed from the actor and the machine:
/// <list type="bullet">
/// <item><b>view</b>: the machine has no owner, or the actor owns it, or the actor is admin;</item>
/// <item><b>edit</b>: not locked, and (no owner, or the actor owns it, or the actor is admin);</item>
/// <item><b>admin</b>: not locked, and the actor is admin;</item>
/// <item><b>lock</b>: the machine has a pool, and the edit condition holds ignoring <c>locked</c>.</item>
/// </list>
/// A null actor is anonymous and holds no permission (Django's <c>AnonymousUser</c> is inactive).
/// <see cref="Actor.System"/> holds every permission.
/// </summary>
public static class MachinePermissions
{
    /// <summary>The view rule alone, from the owner: what a list of compact machine rows filters with.</summary>
    public static bool CanView(Actor? actor, string? owner) =>
        actor is not null && (actor.IsSystem || owner is null || owner == actor.Username || actor.IsAdmin);

    public static bool Has(Actor? actor, Machine machine, NodePermission permission)
    {
        if (actor is null)
        {
            return false;
        }

        if (actor.IsSystem)
        {
            return true;
        }

        bool ownerOrAdmin = machine.Owner is null || machine.Owner == actor.Username || actor.IsAdmin;
        return permission switch
        {
            NodePermission.View => CanView(actor, machine.Owner),
            NodePermission.Edit => !machine.Locked && ownerOrAdmin,
            NodePermission.Admin => !machine.Locked && actor.IsAdmin,
            NodePermission.Lock => machine.Pool.Length > 0 && ownerOrAdmin,
            _ => false,
        };
    }

    /// <summary>
    /// <c>get_node_or_404(..., perm=...)</c>: a machine the actor cannot view is "not found" (404);
    /// one it can view but lacks <paramref name="permission"/> on is <c>PermissionDenied</c> (403).
    /// </summary>
    public static void Demand(Actor? actor, Machine machine, NodePermission permission)
    {
        if (!Has(actor, machine, NodePermission.View))
        {
            throw MachineOperationException.NotFound();
        }

        if (!Has(actor, machine, permission))
        {
            throw MachineOperationException.PermissionDenied();
        }
    }
}
