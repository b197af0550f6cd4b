using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using static Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Tests.Signals;

/// <summary>The facts that change a signal's outcome: enlisting, failed commissioning scripts, previous_status.</summary>
public class SignalVariantTests
{
    public static TheoryData<MachineStatus, string, string, bool> EnlistingCases() => new()
    {
        { Commissioning, "OK", "→ NEW", true },
        { Commissioning, "FAILED", "→ FAILED_COMMISSIONING", true },
        { Commissioning, "TESTING", "→ TESTING", false },
        { Commissioning, "WORKING", "·", false },
        { Deployed, "OK", "409: Invalid transition: Deployed -> New.", true },
        { Deployed, "TESTING", "→ TESTING", false },
        { Testing, "OK", "→ NEW", true },
        { Testing, "FAILED", "→ FAILED_TESTING", false },
        { New, "COMMISSIONING", "→ COMMISSIONING", false },
        { New, "OK", "·", false },
    };

    [Theory]
    [MemberData(nameof(EnlistingCases))]
    public void Enlisting_machine(MachineStatus status, string signal, string expected, bool clearsEnlisting)
    {
        SignalOutcome outcome = SignalTable.Evaluate(status, signal, new SignalFacts(Allocated, Enlisting: true));
        Assert.Equal(expected, SignalMatrixTests.Describe(outcome));
        Assert.Equal(clearsEnlisting, outcome.ClearsEnlisting);
    }

    public static TheoryData<MachineStatus, string, bool, string> FailedScriptCases() => new()
    {
        { Commissioning, "OK", false, "→ FAILED_COMMISSIONING" },
        { Commissioning, "OK", true, "→ FAILED_COMMISSIONING" },
        { Commissioning, "TESTING", false, "→ FAILED_COMMISSIONING" },
        { Commissioning, "FAILED", false, "→ FAILED_COMMISSIONING" },
        { Commissioning, "WORKING", false, "·" },
        { Commissioning, "TIMEDOUT", false, "·" },
        { Deployed, "OK", false, "409: Invalid transition: Deployed -> Failed commissioning." },
        { Deployed, "TESTING", false, "409: Invalid transition: Deployed -> Failed commissioning." },
        { Deployed, "WORKING", false, "·" },
        { Testing, "OK", false, "→ ALLOCATED" },
        { New, "COMMISSIONING", false, "→ COMMISSIONING" },
    };

    [Theory]
    [MemberData(nameof(FailedScriptCases))]
    public void A_failed_commissioning_script_fails_the_end_of_commissioning(MachineStatus status, string signal, bool enlisting, string expected)
    {
        var facts = new SignalFacts(Allocated, enlisting, HasFailedCommissioningScriptResult: true);
        SignalOutcome outcome = SignalTable.Evaluate(status, signal, facts);
        Assert.Equal(expected, SignalMatrixTests.Describe(outcome));
        if (outcome.Target == FailedCommissioning)
        {
            Assert.Equal(ScriptSetStatus.Failed, outcome.CommissioningResult);
        }
    }

    public static TheoryData<MachineStatus, string> PreviousStatusCases() => new()
    {
        { New, "→ READY" },
        { Commissioning, "→ READY" },
        { FailedCommissioning, "→ NEW" },
        { Missing, "→ READY" },
        { Ready, "→ READY" },
        { Reserved, "→ RESERVED" },
        { Deployed, "→ DEPLOYED" },
        { Retired, "→ READY" },
        { Broken, "→ READY" },
        { Deploying, "409: Invalid transition: Testing -> Deploying." },
        { Allocated, "→ ALLOCATED" },
        { FailedDeployment, "→ READY" },
        { Releasing, "409: Invalid transition: Testing -> Releasing." },
        { FailedReleasing, "→ READY" },
        { DiskErasing, "409: Invalid transition: Testing -> Disk erasing." },
        { FailedDiskErasing, "→ READY" },
        { RescueMode, "409: Invalid transition: Testing -> Rescue mode." },
        { EnteringRescueMode, "409: Invalid transition: Testing -> Entering rescue mode." },
        { FailedEnteringRescueMode, "→ READY" },
        { ExitingRescueMode, "409: Invalid transition: Testing -> Exiting rescue mode." },
        { FailedExitingRescueMode, "→ READY" },
        { Testing, "·" },
        { FailedTesting, "→ READY" },
    };

    [Theory]
    [MemberData(nameof(PreviousStatusCases))]
    public void Testing_OK_returns_by_previous_status(MachineStatus previous, string expected) =>
        Assert.Equal(expected, SignalMatrixTests.Describe(SignalTable.Evaluate(Testing, "OK", new SignalFacts(previous))));

    [Fact]
    public void Every_previous_status_is_covered() => Assert.Equal(23, PreviousStatusCases().Count);
}
