using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>
    /// <c>op=set_workload_annotations</c> and its deprecated alias <c>op=set_owner_data</c> (which
    /// gomaasapi/juju use): edit permission; every key of the request but <c>op</c> is set, an
    /// empty value deletes the key; a machine nobody owns is refused (409).
    /// </summary>
    public Task<Machine> SetWorkloadAnnotationsAsync(
        string systemId, Actor actor, IReadOnlyDictionary<string, string> values, CancellationToken ct) =>
        ApplyAsync(systemId, actor, NodePermission.Edit, (m, now) => m.SetOwnerData(values, now), ct);
}
