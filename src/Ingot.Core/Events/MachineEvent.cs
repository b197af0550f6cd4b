namespace Ingot.Core.Events;

/// <summary>
/// One entry of a machine's event log, written in the same transaction as the change it records.
/// <see cref="Type"/> is a MAAS event type name (e.g. <c>REQUEST_NODE_ACQUIRE</c>).
/// For status changes <see cref="FromStatus"/> and <see cref="ToStatus"/> carry the statuses.
/// </summary>
public sealed record MachineEvent(
    string Type,
    EventLevel Level,
    string Description,
    DateTime Created,
    string? Username = null,
    Machines.MachineStatus? FromStatus = null,
    Machines.MachineStatus? ToStatus = null)
{
    public long Id { get; init; }
}
