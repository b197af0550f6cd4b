namespace Ingot.Core.Machines.Signals;

/// <summary>
/// What the signal table needs to know about the machine besides its status.
/// </summary>
/// <param name="PreviousStatus">MAAS's <c>previous_status</c>: where a passed test run returns to.</param>
/// <param name="Enlisting">MAAS's <c>NodeMetadata(key="enlisting")</c>: commissioning and testing end in NEW.</param>
/// <param name="HasFailedCommissioningScriptResult">
/// Whether any result of the current commissioning script set (including those uploaded with this
/// signal) has FAILED: it turns a successful end of commissioning into FAILED_COMMISSIONING.
/// </param>
public sealed record SignalFacts(
    MachineStatus PreviousStatus = MachineStatus.New,
    bool Enlisting = false,
    bool HasFailedCommissioningScriptResult = false);
