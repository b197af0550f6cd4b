using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using static Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Tests.Signals;

/// <summary>
/// Every (status × signal) pair, plus an unknown signal, against maas-lifecycle.md §6, written out
/// by hand here (not derived from the code under test). Expected cells: "·" accepted with no status
/// change, "→ X" a status change, "fail: msg" mark_failed with that message, "409: msg" / "400: msg"
/// a refusal with MAAS's exact text. Facts: not enlisting, no failed commissioning script,
/// previous_status ALLOCATED.
/// </summary>
public class SignalMatrixTests
{
    public const string Unknown = "BOGUS";

    private static readonly string[] s_signals =
        ["OK", "FAILED", "WORKING", "COMMISSIONING", "TESTING", "TIMEDOUT", "INSTALLING", "APPLYING_NETCONF", "RELEASING", "DEPLOYING"];

    private static readonly SignalFacts s_facts = new(Allocated);

    private static readonly Dictionary<MachineStatus, Dictionary<string, string>> s_handled = new()
    {
        [New] = new() { ["COMMISSIONING"] = "→ COMMISSIONING" },
        [Commissioning] = new() { ["OK"] = "→ READY", ["FAILED"] = "→ FAILED_COMMISSIONING", ["TESTING"] = "→ TESTING" },
        [Deployed] = new()
        {
            ["OK"] = "→ READY",
            ["FAILED"] = "409: Invalid transition: Deployed -> Failed commissioning.",
            ["TESTING"] = "→ TESTING",
        },
        [Testing] = new() { ["OK"] = "→ ALLOCATED", ["FAILED"] = "→ FAILED_TESTING" },
        [Deploying] = new() { ["FAILED"] = "fail: Installation failed (refer to the installation log for more information)." },
        [DiskErasing] = new() { ["FAILED"] = "fail: Failed to erase disks." },
        [EnteringRescueMode] = new() { ["OK"] = "→ RESCUE_MODE", ["WORKING"] = "→ RESCUE_MODE", ["FAILED"] = "fail: Failed to enter rescue mode." },
        [Releasing] = new() { ["FAILED"] = "fail: Failed to release machine." },
        [RescueMode] = new(),
        // Accepted and ignored.
        [Broken] = new(),
        [FailedCommissioning] = new(),
        [FailedDeployment] = new(),
        [Ready] = new(),
        [FailedEnteringRescueMode] = new(),
        [FailedTesting] = new(),
    };

    private static readonly Dictionary<MachineStatus, string> s_refusedLabels = new()
    {
        [Missing] = "Missing",
        [Reserved] = "Reserved",
        [Retired] = "Retired",
        [Allocated] = "Allocated",
        [FailedReleasing] = "Releasing failed",
        [FailedDiskErasing] = "Failed disk erasing",
        [ExitingRescueMode] = "Exiting rescue mode",
        [FailedExitingRescueMode] = "Failed to exit rescue mode",
    };

    public static TheoryData<MachineStatus, string, string> Cases()
    {
        var cases = new TheoryData<MachineStatus, string, string>();
        foreach (MachineStatus status in Enum.GetValues<MachineStatus>())
        {
            foreach (string signal in s_signals)
            {
                cases.Add(status, signal, Expected(status, signal));
            }

            cases.Add(status, Unknown, $"400: Unknown status: '{Unknown}'");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signal_in_status_does_what_the_table_says(MachineStatus status, string signal, string expected) =>
        Assert.Equal(expected, Describe(SignalTable.Evaluate(status, signal, s_facts)));

    [Fact]
    public void The_matrix_covers_every_status_and_signal_plus_an_unknown_one()
    {
        Assert.Equal(23 * 11, Cases().Count);
        Assert.Equal(23, s_handled.Count + s_refusedLabels.Count);
        Assert.Equal(s_signals, SignalStatuses.All.Select(s => s.WireName()));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(" OK")]
    public void Status_names_are_compared_exactly(string? signal)
    {
        SignalOutcome outcome = SignalTable.Evaluate(Commissioning, signal, s_facts);
        Assert.Equal(ErrorCategory.BadRequest, outcome.Refusal?.Category);
        Assert.Equal($"Unknown status: '{signal}'", outcome.Refusal?.Message);
    }

    [Fact]
    public void Refusals_carry_MAAS_categories()
    {
        Assert.Equal(ErrorCategory.Conflict, SignalTable.Evaluate(Missing, "OK", s_facts).Refusal?.Category);
        Assert.Equal("NodeStateViolation", SignalTable.Evaluate(Missing, "OK", s_facts).Refusal?.Kind);
        Assert.Equal(ErrorCategory.Conflict, SignalTable.Evaluate(Deployed, "FAILED", s_facts).Refusal?.Category);
        Assert.Equal("MAASAPIBadRequest", SignalTable.Evaluate(Missing, Unknown, s_facts).Refusal?.Kind);
    }

    internal static string Expected(MachineStatus status, string signal) =>
        s_refusedLabels.TryGetValue(status, out string? label)
            ? $"409: Machine status isn't valid (status is {label})"
            : s_handled[status].GetValueOrDefault(signal, "·");

    internal static string Describe(SignalOutcome outcome) => outcome switch
    {
        { Refusal: { } refusal } => $"{(int)refusal.Category}: {refusal.Message}",
        { FailureComment: { } comment } => "fail: " + comment,
        { Target: { } target } => "→ " + target.ConstantName(),
        _ => "·",
    };
}
