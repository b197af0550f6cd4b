using Ingot.Core.Machines;
using Ingot.Sim.Machines;

namespace Ingot.Benchmarks.Storm;

/// <summary>
/// The injected failure mix: <c>percent</c> of the machines, spread evenly, taking the five kinds in
/// turn, and where MAAS leaves each kind (the status the storm checks it lands in).
/// </summary>
internal static class StormFailures
{
    private static readonly MachineFailure[] s_kinds =
    [
        new(FailureKind.Script, "maas-lshw"),
        new(FailureKind.DeadDisk),
        new(FailureKind.Hang),
        new(FailureKind.Bmc),
        new(FailureKind.NoLease),
    ];

    /// <summary>Machine number (1-based) → its failure.</summary>
    public static Dictionary<int, MachineFailure> Mix(int machines, double percent)
    {
        int count = (int)Math.Round(machines * percent / 100.0);
        var failures = new Dictionary<int, MachineFailure>();
        for (int i = 0; i < count; i++)
        {
            failures[(int)((long)i * machines / count) + 1] = s_kinds[i % s_kinds.Length];
        }

        return failures;
    }

    /// <summary>
    /// Where the failure must end: a failing commissioning script → FAILED_COMMISSIONING (the runner's
    /// FAILED signal); a dead disk → FAILED_TESTING (smartctl-validate); a hang → FAILED_COMMISSIONING by
    /// the status monitor's timeout; a dead BMC → the power-on at accept fails, and MAAS puts the machine
    /// back where it was (NEW, <c>_set_status(old_status)</c>) — or, where the failure is only noticed later,
    /// FAILED_COMMISSIONING at the timeout; a NIC without a lease → never enlisted (null).
    /// </summary>
    public static MachineStatus[] Expected(MachineFailure failure) => failure.Kind switch
    {
        FailureKind.Script => [MachineStatus.FailedCommissioning],
        FailureKind.DeadDisk => [MachineStatus.FailedTesting],
        FailureKind.Hang => [MachineStatus.FailedCommissioning],
        FailureKind.Bmc => [MachineStatus.New, MachineStatus.FailedCommissioning],
        _ => [],
    };

    /// <summary>
    /// The <c>error_description</c> the failure must leave, or null where none is checked (never enlisted; a dead
    /// BMC's machine put back to NEW). A failing script and a dead disk fail by the runner's FAILED signal, which
    /// sets no <c>mark_failed</c> comment (the runner's text goes to the machine's <c>error</c>): empty. A hang and
    /// a dead BMC fail by the status monitor: MAAS's timeout text with the storm's <c>node_timeout</c>.
    /// </summary>
    public static string? ExpectedMessage(MachineFailure failure, MachineStatus status, int nodeTimeoutMinutes) => (failure.Kind, status) switch
    {
        (FailureKind.Script or FailureKind.DeadDisk, _) => "",
        (FailureKind.Hang or FailureKind.Bmc, MachineStatus.FailedCommissioning) => Machine.TimeoutMessage(MachineStatus.Commissioning, nodeTimeoutMinutes),
        _ => null,
    };

    /// <summary>
    /// Whether the failure has reached where it must end. A dead BMC's machine is NEW before it is accepted
    /// too, so NEW counts only once the machine was seen COMMISSIONING (accepted, then put back); a NIC
    /// without a lease is settled while its machine is not enlisted.
    /// </summary>
    public static bool Settled(MachineFailure failure, MachineStatus? status, bool seenCommissioning) => status switch
    {
        null => failure.Kind == FailureKind.NoLease,
        MachineStatus.New => failure.Kind == FailureKind.Bmc && seenCommissioning,
        MachineStatus s => Expected(failure).Contains(s),
    };
}
