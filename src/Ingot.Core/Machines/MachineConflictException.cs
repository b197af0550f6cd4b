namespace Ingot.Core.Machines;

/// <summary>
/// A compare-and-set lost: the machine changed (its version moved on) between load and save.
/// Nothing of the losing request was written. HTTP 409.
/// </summary>
public sealed class MachineConflictException(string systemId, long expectedVersion)
    : MachineOperationException(
        ErrorCategory.Conflict,
        "Conflict",
        $"Machine {systemId} was changed by another request; nothing was applied. Retry the request.")
{
    public string SystemId { get; } = systemId;

    public long ExpectedVersion { get; } = expectedVersion;
}
