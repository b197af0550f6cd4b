using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using static Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Tests.Signals;

/// <summary><see cref="Machine.Signal"/>: the outcome applied to the aggregate.</summary>
public class MachineSignalTests
{
    private static readonly DateTime s_now = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static Machine Commissioning_machine()
    {
        Machine machine = MachinesInStatus.Create(Commissioning, s_now);
        machine.SetOwner("alice");
        machine.SetStatusExpires(s_now.AddMinutes(30));
        machine.Error = "old error";
        return machine;
    }

    private static List<string> EventNames(Machine machine) => [.. machine.PendingEvents.Select(e => e.Type)];

    [Fact]
    public void Commissioning_OK_makes_the_machine_Ready()
    {
        Machine machine = Commissioning_machine();
        int before = machine.PendingEvents.Count;

        machine.Signal("OK", "boom", hasFailedCommissioningScriptResult: false, s_now);

        Assert.Equal(Ready, machine.Status);
        Assert.Equal(Commissioning, machine.PreviousStatus);
        Assert.Equal(ScriptSetStatus.Passed, machine.CommissioningResult);
        Assert.Null(machine.StatusExpires);
        Assert.Null(machine.Owner);
        Assert.Equal("boom", machine.Error);
        Assert.Equal(["READY", "NODE_CHANGED_STATUS"], EventNames(machine)[before..]);
    }

    [Fact]
    public void A_status_change_without_an_error_clears_the_error()
    {
        Machine machine = Commissioning_machine();
        machine.Signal("FAILED", null, false, s_now);
        Assert.Equal(FailedCommissioning, machine.Status);
        Assert.Equal(ScriptSetStatus.Failed, machine.CommissioningResult);
        Assert.Equal("", machine.Error);
        Assert.Contains("FAILED_COMMISSIONING", EventNames(machine));
    }

    [Fact]
    public void A_progress_signal_only_clears_the_expiry()
    {
        Machine machine = Commissioning_machine();
        int before = machine.PendingEvents.Count;

        SignalOutcome outcome = machine.Signal("WORKING", "ignored", false, s_now);

        Assert.Equal(Commissioning, machine.Status);
        Assert.Null(machine.StatusExpires);
        Assert.Equal("old error", machine.Error);
        Assert.Null(machine.CommissioningResult);
        Assert.Equal(before, machine.PendingEvents.Count);
        Assert.Equal(ScriptSetKind.Commissioning, outcome.StoresResultsIn);
    }

    [Fact]
    public void Enlisting_commissioning_ends_in_New_and_clears_enlisting()
    {
        Machine machine = Commissioning_machine();
        machine.Enlisting = true;
        machine.Signal("OK", null, false, s_now);
        Assert.Equal(New, machine.Status);
        Assert.False(machine.Enlisting);
        Assert.Contains("NEW", EventNames(machine));
    }

    [Fact]
    public void A_failed_script_result_fails_commissioning_that_signalled_OK()
    {
        Machine machine = Commissioning_machine();
        machine.Signal("OK", null, hasFailedCommissioningScriptResult: true, s_now);
        Assert.Equal(FailedCommissioning, machine.Status);
        Assert.Equal(ScriptSetStatus.Failed, machine.CommissioningResult);
    }

    [Fact]
    public void New_machine_asking_to_commission_starts_commissioning()
    {
        Machine machine = MachinesInStatus.Create(New, s_now);
        machine.Signal("COMMISSIONING", null, false, s_now);
        Assert.Equal(Commissioning, machine.Status);
        Assert.Equal(ScriptSetStatus.Pending, machine.CommissioningResult);
    }

    [Theory]
    [InlineData(Deploying, FailedDeployment, "Installation failed (refer to the installation log for more information).")]
    [InlineData(DiskErasing, FailedDiskErasing, "Failed to erase disks.")]
    [InlineData(EnteringRescueMode, FailedEnteringRescueMode, "Failed to enter rescue mode.")]
    [InlineData(Releasing, FailedReleasing, "Failed to release machine.")]
    public void FAILED_marks_the_machine_failed_with_MAAS_message(MachineStatus status, MachineStatus failed, string message)
    {
        Machine machine = MachinesInStatus.Create(status, s_now);
        machine.Error = "old error";

        SignalOutcome outcome = machine.Signal("FAILED", "ignored", false, s_now);

        Assert.Equal(failed, machine.Status);
        Assert.Equal(message, machine.ErrorDescription);
        Assert.Equal(message, outcome.FailureComment);
        Assert.Equal("old error", machine.Error);
        MachineEvent markFailed = Assert.Single(machine.PendingEvents, e => e.Type == "REQUEST_NODE_MARK_FAILED_SYSTEM");
        Assert.Equal(message, markFailed.Description);
        Assert.Contains(machine.PendingEvents, e => e.Type == "NODE_CHANGED_STATUS" && e.ToStatus == failed);
    }

    [Fact]
    public void Disk_erasing_OK_only_records_an_event()
    {
        Machine machine = MachinesInStatus.Create(DiskErasing, s_now);
        int before = machine.PendingEvents.Count;
        machine.Signal("OK", null, false, s_now);
        Assert.Equal(DiskErasing, machine.Status);
        MachineEvent recorded = Assert.Single(machine.PendingEvents.Skip(before));
        Assert.Equal(EventTypes.NodeStatusEvent.Name, recorded.Type);
    }

    [Theory]
    [InlineData("OK")]
    [InlineData("WORKING")]
    public void Entering_rescue_mode_signal_enters_rescue_mode(string signal)
    {
        Machine machine = MachinesInStatus.Create(EnteringRescueMode, s_now);
        machine.SetStatusExpires(s_now.AddMinutes(30));
        machine.Signal(signal, null, false, s_now);
        Assert.Equal(RescueMode, machine.Status);
        Assert.Null(machine.StatusExpires);
        Assert.Contains("RESCUE_MODE", EventNames(machine));
    }

    [Fact]
    public void Passed_testing_returns_a_deployed_machine_to_Deployed()
    {
        Machine machine = MachinesInStatus.Via(s_now, Ready, Allocated, Deploying, Deployed, Testing);
        machine.Signal("OK", null, false, s_now);
        Assert.Equal(Deployed, machine.Status);
    }

    [Fact]
    public void Passed_testing_after_failed_commissioning_returns_to_New()
    {
        Machine machine = MachinesInStatus.Via(s_now, Commissioning, FailedCommissioning, Testing);
        machine.Signal("OK", null, false, s_now);
        Assert.Equal(New, machine.Status);
    }

    [Fact]
    public void Failed_testing_is_Failed_testing()
    {
        Machine machine = MachinesInStatus.Via(s_now, Ready, Testing);
        machine.Signal("FAILED", "disk", false, s_now);
        Assert.Equal(FailedTesting, machine.Status);
        Assert.Equal("disk", machine.Error);
        Assert.Contains("FAILED_TESTING", EventNames(machine));
    }

    [Theory]
    [InlineData(Missing, "OK", ErrorCategory.Conflict, "Machine status isn't valid (status is Missing)")]
    [InlineData(Allocated, "FAILED", ErrorCategory.Conflict, "Machine status isn't valid (status is Allocated)")]
    [InlineData(Deployed, "FAILED", ErrorCategory.Conflict, "Invalid transition: Deployed -> Failed commissioning.")]
    [InlineData(Missing, "bogus", ErrorCategory.BadRequest, "Unknown status: 'bogus'")]
    [InlineData(Commissioning, "ok", ErrorCategory.BadRequest, "Unknown status: 'ok'")]
    public void A_refused_signal_throws_and_changes_nothing(MachineStatus status, string signal, ErrorCategory category, string message)
    {
        Machine machine = MachinesInStatus.Create(status, s_now);
        machine.Error = "old error";
        int before = machine.PendingEvents.Count;

        var refused = Assert.Throws<MachineOperationException>(() => machine.Signal(signal, "new", false, s_now));

        Assert.Equal(category, refused.Category);
        Assert.Equal(message, refused.Message);
        Assert.Equal(status, machine.Status);
        Assert.Equal("old error", machine.Error);
        Assert.Equal(before, machine.PendingEvents.Count);
    }

    /// <summary>Machine.Signal agrees with the pure table for every status and signal.</summary>
    [Theory]
    [MemberData(nameof(SignalMatrixTests.Cases), MemberType = typeof(SignalMatrixTests))]
    public void Applying_a_signal_agrees_with_the_table(MachineStatus status, string signal, string tableExpectation)
    {
        _ = tableExpectation;
        Machine machine = MachinesInStatus.Create(status, s_now);
        SignalOutcome predicted = SignalTable.Evaluate(status, signal, new SignalFacts(machine.PreviousStatus, machine.Enlisting));

        if (predicted.Refusal is { } refusal)
        {
            var thrown = Assert.Throws<MachineOperationException>(() => machine.Signal(signal, null, false, s_now));
            Assert.Equal(refusal.Message, thrown.Message);
            Assert.Equal(status, machine.Status);
            return;
        }

        machine.Signal(signal, null, false, s_now);
        MachineStatus expected = predicted.FailureComment is not null ? status.FailedStatusFor()!.Value : predicted.Target ?? status;
        Assert.Equal(expected, machine.Status);
    }
}
