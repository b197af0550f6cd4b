namespace Ingot.Core.Machines;

/// <summary>
/// Which machines <see cref="IMachineStore.ListAsync(MachineQuery, CancellationToken)"/> reads and how
/// much of each. Machines always come with their disks and interfaces, ordered by id.
/// </summary>
public sealed record MachineQuery
{
    /// <summary>Every machine, power parameters included (what <see cref="IMachineStore.ListAsync(CancellationToken)"/> reads).</summary>
    public static MachineQuery All { get; } = new();

    /// <summary>
    /// Every machine for display (the <c>machines/</c> list): power parameters are not read, which
    /// spares decrypting one secret per machine; the machine JSON never contains them.
    /// </summary>
    public static MachineQuery ForDisplay { get; } = new() { PowerParameters = false };

    /// <summary>Allocation candidates: the READY machines, without power parameters.</summary>
    public static MachineQuery AllocationCandidates { get; } = new() { Statuses = [MachineStatus.Ready], PowerParameters = false };

    /// <summary>
    /// The allocation shortlist: the READY machines without power parameters and without their disks
    /// and interfaces (for constraints that look at neither; see <see cref="Filters.MachineFilter.NeedsHardware"/>).
    /// </summary>
    public static MachineQuery AllocationShortlist { get; } = AllocationCandidates with { Hardware = false };

    /// <summary>Only machines in one of these statuses; null for every status.</summary>
    public IReadOnlyCollection<MachineStatus>? Statuses { get; init; }

    /// <summary>
    /// Whether <see cref="Machine.PowerParameters"/> are read (and decrypted). When false they come
    /// back empty, and saving such a machine keeps the stored parameters unless the caller changed
    /// the dictionary or assigned a new one.
    /// </summary>
    public bool PowerParameters { get; init; } = true;

    /// <summary>
    /// Whether <see cref="Machine.BlockDevices"/> and <see cref="Machine.Interfaces"/> are read. When
    /// false they come back empty and the machine cannot be saved (a save could lose its hardware): it
    /// can only be claimed (<see cref="IMachineStore.ClaimAsync"/>, allocation), which writes no hardware.
    /// Stores may read them anyway.
    /// </summary>
    public bool Hardware { get; init; } = true;

    /// <summary>Whether <paramref name="machine"/> is one this query selects (by status).</summary>
    public bool Selects(Machine machine) => Statuses is null || Statuses.Contains(machine.Status);
}
