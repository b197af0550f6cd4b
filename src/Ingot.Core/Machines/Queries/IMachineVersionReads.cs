namespace Ingot.Core.Machines.Queries;

/// <summary>
/// Reads for keeping a copy of the machine table in step with the store: every machine's id and
/// <see cref="Machine.Version"/> (cheap: two columns), and the machines whose version moved on.
/// Every write of a machine — its fields, disks, interfaces, zone/pool/domain renames, BMC moves —
/// raises its version and ids are never reused, so (id, version) names one state of a machine.
/// Machines come without power parameters (<see cref="MachineQuery.ForDisplay"/>) and are for
/// reading only: never save one.
/// </summary>
public interface IMachineVersionReads
{
    /// <summary>Every machine's id and version, in id order.</summary>
    Task<IReadOnlyList<MachineVersion>> VersionsAsync(CancellationToken ct);

    /// <summary>The machines with these ids (those that still exist), in id order, with disks and interfaces.</summary>
    Task<IReadOnlyList<Machine>> ListByIdAsync(IReadOnlyCollection<long> ids, CancellationToken ct);

    /// <summary>Every machine, in id order, with disks and interfaces.</summary>
    Task<IReadOnlyList<Machine>> ListAllAsync(CancellationToken ct);
}
