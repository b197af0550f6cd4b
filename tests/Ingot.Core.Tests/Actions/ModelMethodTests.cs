using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Actions;

/// <summary>The model methods of maas-lifecycle.md §5, one behaviour each.</summary>
public class ModelMethodTests
{
    private static readonly DateTime s_now = MachineFixture.Start;
    private static readonly LifecycleSettings s_settings = new(nodeTimeout: 20);
    private static readonly Actor s_alice = Actor.User(MachineFixture.Alice);

    [Fact]
    public void Commissioning_needs_a_power_type()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.New);
        machine.PowerType = "";

        var error = Assert.Throws<MachineOperationException>(() => machine.StartCommissioning(s_alice, s_now, s_settings));

        Assert.Equal("Unconfigured power type. Please configure the power type and try again.", error.Message);
        Assert.Equal(MachineStatus.New, machine.Status);
    }

    [Fact]
    public void Commissioning_takes_the_owner_arms_the_timeout_and_powers_on()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.New);

        machine.StartCommissioning(s_alice, s_now, s_settings, new CommissioningOptions(EnableSsh: true));

        Assert.Equal(MachineStatus.Commissioning, machine.Status);
        Assert.Equal(MachineFixture.Alice, machine.Owner);
        Assert.Equal(s_now.AddMinutes(20), machine.StatusExpires);
        Assert.Equal(ScriptSetStatus.Running, machine.CommissioningResult);
        Assert.True(machine.EnableSsh);
        Assert.Equal(PowerRequest.On, machine.RequestedPower);
    }

    [Fact]
    public void Testing_a_never_commissioned_new_machine_is_refused()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.New);
        machine.CommissioningResult = null;

        var error = Assert.Throws<MachineOperationException>(() => machine.StartTesting(s_alice, s_now, s_settings));

        Assert.Equal(ErrorCategory.BadRequest, error.Category);
        Assert.Equal(
            "Unable to start machine testing; this node has never been commissioned. Please use the 'Commission' action to commission & test this machine.",
            error.Message);
    }

    [Fact]
    public void Testing_keeps_an_existing_owner()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Bob);

        machine.StartTesting(s_alice, s_now, s_settings);

        Assert.Equal(MachineStatus.Testing, machine.Status);
        Assert.Equal(MachineFixture.Bob, machine.Owner);
        Assert.Equal(s_now.AddMinutes(20), machine.StatusExpires);
    }

    [Fact]
    public void Deployment_is_bounded_by_twice_node_timeout()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Ready);
        machine.Acquire(s_alice, s_now, "juju");

        machine.StartDeployment(s_alice, s_now, s_settings);

        Assert.Equal(MachineStatus.Deploying, machine.Status);
        Assert.Equal(s_now.AddMinutes(40), machine.StatusExpires);
        Assert.Equal("juju", machine.AgentName);
        Assert.Equal("ubuntu", machine.Osystem);
        Assert.Contains(machine.PendingEvents, e => e.Type == "REQUEST_NODE_START_DEPLOYMENT");
        Assert.Contains(machine.PendingEvents, e => e.Type == "REQUEST_NODE_ACQUIRE");
    }

    [Fact]
    public void Acquiring_another_users_machine_is_refused()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Allocated, owner: MachineFixture.Bob);

        var error = Assert.Throws<MachineOperationException>(() => machine.Acquire(s_alice, s_now));

        Assert.Equal("Can't allocate a machine belonging to another user.", error.Message);
    }

    [Theory]
    [InlineData("manual", ScriptSetStatus.Passed, MachineStatus.Ready)]
    [InlineData("", ScriptSetStatus.Passed, MachineStatus.Ready)]
    [InlineData("manual", ScriptSetStatus.Failed, MachineStatus.New)]
    public void Release_without_queryable_power_finishes_at_once(string powerType, ScriptSetStatus commissioning, MachineStatus expected)
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice);
        machine.PowerType = powerType;
        machine.CommissioningResult = commissioning;
        machine.Osystem = "ubuntu";
        machine.AgentName = "juju";

        machine.StartReleasing(s_alice, s_now, s_settings);

        Assert.Equal(expected, machine.Status);
        Assert.Null(machine.Owner);
        Assert.Null(machine.StatusExpires);
        Assert.Equal("", machine.Osystem);
        Assert.Equal("", machine.AgentName);
        Assert.Contains(machine.PendingEvents, e => e.Type == "RELEASED");
    }

    [Fact]
    public void Release_with_queryable_power_waits_five_minutes_for_power_off()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice);
        machine.PowerState = PowerState.On;

        machine.StartReleasing(s_alice, s_now, s_settings);

        Assert.Equal(MachineStatus.Releasing, machine.Status);
        Assert.Equal(s_now.AddMinutes(5), machine.StatusExpires);
        Assert.Equal(PowerRequest.Off, machine.RequestedPower);

        machine.UpdatePowerState(PowerState.Off, s_now.AddMinutes(1));

        Assert.Equal(MachineStatus.Ready, machine.Status);
        Assert.Null(machine.Owner);
    }

    [Fact]
    public void Release_of_a_machine_already_off_finishes_at_once()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Allocated, owner: MachineFixture.Alice);
        machine.PowerState = PowerState.Off;

        machine.StartReleasing(s_alice, s_now, s_settings);

        Assert.Equal(MachineStatus.Ready, machine.Status);
        Assert.Equal(PowerRequest.None, machine.RequestedPower);
    }

    [Fact]
    public void Erase_on_release_goes_to_disk_erasing_without_an_expiry()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deploying, owner: MachineFixture.Alice);

        machine.StartReleasing(s_alice, s_now, s_settings, new ReleaseOptions(Erase: true, SecureErase: true));

        Assert.Equal(MachineStatus.DiskErasing, machine.Status);
        Assert.Null(machine.StatusExpires);
        Assert.Equal(MachineFixture.Alice, machine.Owner);
        Assert.Contains(machine.PendingEvents, e => e.Type == "REQUEST_NODE_ERASE_DISK");
    }

    [Theory]
    [InlineData(MachineStatus.Commissioning, MachineStatus.New)]
    [InlineData(MachineStatus.DiskErasing, MachineStatus.FailedDiskErasing)]
    [InlineData(MachineStatus.Deploying, MachineStatus.Allocated)]
    public void Abort_sets_the_per_status_target_and_clears_the_expiry(MachineStatus from, MachineStatus to)
    {
        Machine machine = MachineFixture.InStatus(from, owner: MachineFixture.Alice);

        machine.AbortOperation(s_alice, s_now);

        Assert.Equal(to, machine.Status);
        Assert.Null(machine.StatusExpires);
        Assert.Equal(PowerRequest.Off, machine.RequestedPower);
        Assert.Equal(to == MachineStatus.New ? null : MachineFixture.Alice, machine.Owner);
    }

    [Theory]
    [InlineData(MachineStatus.Commissioning, MachineStatus.Ready)]
    [InlineData(MachineStatus.Deployed, MachineStatus.Deployed)]
    [InlineData(MachineStatus.FailedDeployment, MachineStatus.FailedDeployment)]
    public void Abort_testing_returns_to_the_previous_status(MachineStatus before, MachineStatus expected)
    {
        Machine machine = MachineFixture.InStatus(before, owner: MachineFixture.Alice);
        machine.ForceStatus(MachineStatus.Testing, UnvalidatedReason.AddedDeployed, s_now);

        machine.AbortOperation(s_alice, s_now);

        Assert.Equal(expected, machine.Status);
    }

    [Fact]
    public void Abort_in_another_status_names_the_machine()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Ready);

        var error = Assert.Throws<MachineOperationException>(() => machine.AbortOperation(s_alice, s_now));

        Assert.Equal("Cannot abort in current state: node abc123 is in state Ready.", error.Message);
        Assert.Equal(ErrorCategory.Conflict, error.Category);
    }

    [Fact]
    public void Lock_is_for_deployed_machines_and_is_silent_when_already_locked()
    {
        Machine ready = MachineFixture.InStatus(MachineStatus.Ready);
        Assert.Equal(
            "Can't lock, node is not deployed or deploying",
            Assert.Throws<MachineOperationException>(() => ready.Lock(s_alice, s_now)).Message);

        Machine deployed = MachineFixture.InStatus(MachineStatus.Deployed, locked: true);
        deployed.Lock(s_alice, s_now);
        Assert.True(deployed.Locked);
    }

    [Fact]
    public void Mark_broken_releases_a_deployed_machine_first()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice);
        machine.PowerState = PowerState.On;
        int before = machine.PendingEvents.Count;

        machine.MarkBroken(s_alice, s_now, s_settings, "fan failure");

        Assert.Equal(MachineStatus.Broken, machine.Status);
        Assert.Equal("fan failure", machine.ErrorDescription);
        Assert.Equal(PowerRequest.Off, machine.RequestedPower);
        Assert.Equal(
            [(MachineStatus.Deployed, MachineStatus.Releasing), (MachineStatus.Releasing, MachineStatus.Broken)],
            machine.PendingEvents.Skip(before).Where(e => e.Type == "NODE_CHANGED_STATUS").Select(e => (e.FromStatus!.Value, e.ToStatus!.Value)));
    }

    [Fact]
    public void Mark_broken_by_the_system_records_the_system_event()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Testing, owner: MachineFixture.Alice);

        machine.MarkBroken(Actor.System, s_now, s_settings);

        Assert.Contains(machine.PendingEvents, e => e.Type == EventTypes.RequestNodeMarkBrokenSystem.Name);
        Assert.Null(machine.StatusExpires);
    }

    [Fact]
    public void Mark_fixed_returns_a_machine_broken_while_deployed_to_deployed()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice);
        machine.MarkBroken(s_alice, s_now, s_settings);
        machine.ForceStatus(MachineStatus.Deployed, UnvalidatedReason.AddedDeployed, s_now);
        machine.TransitionTo(MachineStatus.Broken, s_now);

        machine.MarkFixed(s_alice, s_now);

        Assert.Equal(MachineStatus.Deployed, machine.Status);
        Assert.Equal("", machine.ErrorDescription);
    }

    [Fact]
    public void Mark_fixed_refuses_a_machine_that_is_not_broken()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Ready);

        Assert.Equal(
            "Can't mark a non-broken node as 'Ready'.",
            Assert.Throws<MachineOperationException>(() => machine.MarkFixed(s_alice, s_now)).Message);
    }

    [Theory]
    [InlineData("", MachineStatus.Ready)]
    [InlineData("ubuntu", MachineStatus.Deployed)]
    public void Override_failed_testing_returns_to_ready_or_deployed(string osystem, MachineStatus expected)
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.FailedTesting, owner: MachineFixture.Alice);
        machine.Osystem = osystem;

        machine.OverrideFailedTesting(s_alice, s_now);

        Assert.Equal(expected, machine.Status);
    }

    [Fact]
    public void Override_failed_testing_refuses_other_statuses()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Ready);

        Assert.Equal(
            "Unable to override node status. Node is not in 'Failed testing' status.",
            Assert.Throws<MachineOperationException>(() => machine.OverrideFailedTesting(s_alice, s_now)).Message);
    }

    [Fact]
    public void Rescue_mode_cycles_power_takes_the_owner_and_arms_the_timeout()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Ready);

        machine.StartRescueMode(s_alice, s_now, s_settings);

        Assert.Equal(MachineStatus.EnteringRescueMode, machine.Status);
        Assert.Equal(MachineFixture.Alice, machine.Owner);
        Assert.Equal(PowerRequest.Cycle, machine.RequestedPower);
        Assert.Equal(s_now.AddMinutes(20), machine.StatusExpires);
    }

    [Theory]
    [InlineData(MachineStatus.Ready, null)]
    [InlineData(MachineStatus.Deployed, MachineFixture.Alice)]
    public void Exit_rescue_mode_with_manual_power_returns_at_once(MachineStatus before, string? owner)
    {
        Machine machine = MachineFixture.InStatus(before, owner: MachineFixture.Alice);
        machine.PowerType = "manual";
        machine.StartRescueMode(s_alice, s_now, s_settings);
        machine.TransitionTo(MachineStatus.RescueMode, s_now);

        machine.StopRescueMode(s_alice, s_now, s_settings);

        Assert.Equal(before, machine.Status);
        Assert.Equal(owner, machine.Owner);
    }

    [Theory]
    [InlineData(MachineStatus.Ready, PowerState.Off, 1, MachineStatus.Ready)]
    [InlineData(MachineStatus.Deployed, PowerState.On, 1, MachineStatus.Deployed)]
    [InlineData(MachineStatus.Ready, PowerState.On, 4, MachineStatus.ExitingRescueMode)]
    [InlineData(MachineStatus.Ready, PowerState.On, 6, MachineStatus.FailedExitingRescueMode)]
    [InlineData(MachineStatus.Deployed, PowerState.Off, 6, MachineStatus.FailedExitingRescueMode)]
    public void Exit_rescue_mode_with_queryable_power_waits_for_the_power_report(
        MachineStatus before, PowerState reported, int minutesLater, MachineStatus expected)
    {
        Machine machine = MachineFixture.InStatus(before, owner: MachineFixture.Alice);
        machine.StartRescueMode(s_alice, s_now, s_settings);
        machine.TransitionTo(MachineStatus.RescueMode, s_now);
        machine.StopRescueMode(s_alice, s_now, s_settings);
        Assert.Equal(MachineStatus.ExitingRescueMode, machine.Status);
        Assert.Equal(before == MachineStatus.Deployed ? PowerRequest.Cycle : PowerRequest.Off, machine.RequestedPower);

        machine.UpdatePowerState(reported, s_now.AddMinutes(minutesLater));

        Assert.Equal(expected, machine.Status);
    }

    [Fact]
    public void Accepting_a_deployed_machine_is_refused_with_MAAS_text()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed);

        Assert.Equal(
            "Cannot accept node enlistment: node abc123 is in state Deployed.",
            Assert.Throws<MachineOperationException>(() => machine.AcceptEnlistment(s_alice, s_now, s_settings)).Message);
    }
}
