using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Forms;

/// <summary>Zones, pools, domains and tags: everyone may read them; only admins may change them (403 otherwise).</summary>
public static class AdminOnly
{
    public static void Demand(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw MachineOperationException.PermissionDenied();
        }
    }
}
