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

    /// <summary>
    /// The save of this machine still under way in this process that this one was refused for without going to the
    /// database (it would have lost to it); null when the database refused it. Trying again before it ends would be
    /// refused the same way, so <see cref="ConflictRetry"/> waits for it first.
    /// </summary>
    public Task? InFlight { get; init; }
}
