using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>
    /// Loads the machines of a bulk op (release, accept): unknown ids are a 400 naming them all;
    /// machines the actor lacks <paramref name="permission"/> on are a 403 naming them all, as
    /// "You don't have the required permission to &lt;verb&gt; the following machine(s): ...".
    /// </summary>
    private async Task<List<Machine>> LoadManyAsync(
        IReadOnlyCollection<string> systemIds, Actor actor, NodePermission permission, string verb, CancellationToken ct)
    {
        var machines = new List<Machine>();
        var unknown = new List<string>();
        foreach (string id in systemIds.Distinct())
        {
            if (await store.FindAsync(id, ct) is { } m)
            {
                machines.Add(m);
            }
            else
            {
                unknown.Add(id);
            }
        }

        if (unknown.Count > 0)
        {
            throw MachineOperationException.Validation($"Unknown machine(s): {string.Join(", ", unknown)}.");
        }

        string[] forbidden = [.. machines.Where(m => !MachinePermissions.Has(actor, m, permission)).Select(m => m.SystemId)];
        if (forbidden.Length > 0)
        {
            throw MachineOperationException.PermissionDenied(
                $"You don't have the required permission to {verb} the following machine(s): {string.Join(", ", forbidden)}.");
        }

        return machines;
    }
}
