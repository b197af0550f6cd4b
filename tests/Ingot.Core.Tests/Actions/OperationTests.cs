using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Actions;

/// <summary>The REST ops and UI actions beyond the single-machine matrix: bulk ops, allocation, UI-only checks.</summary>
public class OperationTests
{
    private static readonly Actor s_admin = Actor.User(MachineFixture.Root, isAdmin: true);
    private static readonly Actor s_alice = Actor.User(MachineFixture.Alice);
    private static readonly CancellationToken s_ct = CancellationToken.None;

    [Fact]
    public async Task Bulk_release_names_every_machine_that_cannot_be_released_and_changes_none()
    {
        Machine deployed = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice, "aaa111");
        Machine testing = MachineFixture.InStatus(MachineStatus.Testing, MachineFixture.Alice, "bbb222");
        Machine retired = MachineFixture.InStatus(MachineStatus.Retired, MachineFixture.Alice, "ccc333");
        var store = await MachineFixture.StoreWith(deployed, testing, retired);
        var ops = Operations(store);
        int eventsBefore = (await store.EventsAsync("aaa111", s_ct)).Count;

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            ops.ReleaseManyAsync(["aaa111", "bbb222", "ccc333"], s_alice, null, s_ct));

        Assert.Equal(ErrorCategory.Conflict, error.Category);
        Assert.Equal("Machine(s) cannot be released in their current state: bbb222 ('Testing'), ccc333 ('Retired').", error.Message);
        Assert.Equal(MachineStatus.Deployed, deployed.Status);
        Assert.Equal(eventsBefore, (await store.EventsAsync("aaa111", s_ct)).Count);
    }

    [Fact]
    public async Task Bulk_release_releases_all_and_skips_ready_machines()
    {
        Machine deployed = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice, "aaa111");
        Machine ready = MachineFixture.InStatus(MachineStatus.Ready, null, "bbb222");
        deployed.PowerType = "manual";
        var store = await MachineFixture.StoreWith(deployed, ready);

        IReadOnlyList<string> released = await Operations(store).ReleaseManyAsync(["aaa111", "bbb222"], s_alice, null, s_ct);

        Assert.Equal(["aaa111"], released);
        Assert.Equal(MachineStatus.Ready, deployed.Status);
    }

    [Fact]
    public async Task Bulk_release_of_machines_the_user_may_not_edit_is_forbidden()
    {
        Machine mine = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice, "aaa111");
        Machine locked = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice, "bbb222", locked: true);
        var store = await MachineFixture.StoreWith(mine, locked);

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            Operations(store).ReleaseManyAsync(["aaa111", "bbb222"], s_alice, null, s_ct));

        Assert.Equal(ErrorCategory.Forbidden, error.Category);
        Assert.Equal("You don't have the required permission to release the following machine(s): bbb222.", error.Message);
    }

    [Fact]
    public async Task Allocate_takes_a_ready_machine_matching_the_constraints()
    {
        Machine small = MachineFixture.InStatus(MachineStatus.Ready, null, "aaa111");
        Machine big = MachineFixture.InStatus(MachineStatus.Ready, null, "bbb222");
        big.CpuCount = 32;
        big.Tags.Add("gpu");
        var store = await MachineFixture.StoreWith(small, big);

        Machine allocated = (await Operations(store).AllocateAsync(
            s_alice, AllocationRequest.Of(("cpu_count", "16"), ("tags", "gpu"), ("arch", "amd64"), ("agent_name", "juju")), s_ct)).Machine;

        Assert.Equal("bbb222", allocated.SystemId);
        Assert.Equal(MachineStatus.Allocated, allocated.Status);
        Assert.Equal(MachineFixture.Alice, allocated.Owner);
        Assert.Equal("juju", allocated.AgentName);
    }

    [Fact]
    public async Task Allocate_with_unmatched_constraints_describes_them()
    {
        var store = await MachineFixture.StoreWith(MachineFixture.InStatus(MachineStatus.Ready, null));

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            Operations(store).AllocateAsync(s_alice, AllocationRequest.Of(("name", "nope")), s_ct));

        Assert.Equal(ErrorCategory.Conflict, error.Category);
        Assert.Equal("No available machine matches constraints: [('name', ['nope'])] (resolved to \"name=nope\")", error.Message);
    }

    [Fact]
    public async Task Accept_requires_a_logged_in_admin()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.New);
        var ops = Operations(await MachineFixture.StoreWith(machine));

        var anonymous = await Assert.ThrowsAnyAsync<MachineOperationException>(() => ops.AcceptAsync(["abc123"], null, s_ct));
        var user = await Assert.ThrowsAnyAsync<MachineOperationException>(() => ops.AcceptAsync(["abc123"], s_alice, s_ct));

        Assert.Equal((ErrorCategory.Unauthorized, "You must be logged in to accept machines."), (anonymous.Category, anonymous.Message));
        Assert.Equal(
            (ErrorCategory.Forbidden, "You don't have the required permission to accept the following machine(s): abc123."),
            (user.Category, user.Message));
        Assert.Empty(await ops.AcceptAllAsync(s_alice, s_ct));
        Assert.Equal(MachineStatus.New, machine.Status);
    }

    [Fact]
    public async Task Accept_all_commissions_every_new_machine()
    {
        Machine first = MachineFixture.InStatus(MachineStatus.New, null, "aaa111");
        Machine second = MachineFixture.InStatus(MachineStatus.New, null, "bbb222");
        Machine ready = MachineFixture.InStatus(MachineStatus.Ready, null, "ccc333");
        var ops = Operations(await MachineFixture.StoreWith(first, second, ready));

        IReadOnlyList<Machine> accepted = await ops.AcceptAllAsync(s_admin, s_ct);

        Assert.Equal(["aaa111", "bbb222"], accepted.Select(m => m.SystemId).Order());
        Assert.All(accepted, m => Assert.Equal(MachineStatus.Commissioning, m.Status));
    }

    [Fact]
    public async Task Mark_broken_op_requires_ownership_even_for_admins()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice);
        var ops = Operations(await MachineFixture.StoreWith(machine));

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() => ops.MarkBrokenAsync("abc123", s_admin, null, s_ct));
        Machine broken = await ops.MarkBrokenAsync("abc123", s_alice, "disk", s_ct);

        Assert.Equal(ErrorCategory.Forbidden, error.Category);
        Assert.Equal((MachineStatus.Broken, "disk"), (broken.Status, broken.ErrorDescription));
    }

    [Fact]
    public async Task Mark_fixed_checks_commissioning_in_the_UI_but_not_in_the_API()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Broken, MachineFixture.Root);
        machine.CommissioningResult = ScriptSetStatus.Failed;
        var store = await MachineFixture.StoreWith(machine);

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            Actions(store).ExecuteAsync("abc123", NodeActions.MarkFixed, s_admin, null, s_ct));
        Assert.Equal(
            (ErrorCategory.BadRequest, "NodeActionError", "Unable to be mark fixed because it has not been commissioned successfully."),
            (error.Category, error.Kind, error.Message));
        Assert.Equal(MachineStatus.Broken, machine.Status);

        Machine fixedMachine = await Operations(store).MarkFixedAsync("abc123", s_admin, null, s_ct);
        Assert.Equal(MachineStatus.Ready, fixedMachine.Status);
    }

    [Fact]
    public async Task Deploying_a_diskless_machine_from_the_UI_needs_deploy_to_memory()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Ready);
        machine.BlockDevices.Clear();
        var store = await MachineFixture.StoreWith(machine);

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            Actions(store).ExecuteAsync("abc123", NodeActions.Deploy, s_alice, null, s_ct));
        Assert.Equal("Can\u2019t deploy to disk in a diskless machine. Deploy to memory must be used instead.", error.Message);

        Machine deployed = (await Actions(store).ExecuteAsync(
            "abc123", NodeActions.Deploy, s_alice, new ActionParameters { Deploy = new DeployOptions(EphemeralDeploy: true) }, s_ct))!;
        Assert.Equal(MachineStatus.Deploying, deployed.Status);
    }

    [Fact]
    public async Task Rescue_mode_from_failed_exiting_rescue_mode_is_offered_then_refused()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.FailedExitingRescueMode, MachineFixture.Root);
        var store = await MachineFixture.StoreWith(machine);

        Assert.True(NodeActions.ByName[NodeActions.RescueMode].IsActionable(s_admin, machine));
        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            Actions(store).ExecuteAsync("abc123", NodeActions.RescueMode, s_admin, null, s_ct));

        Assert.Equal("Invalid transition: Failed to exit rescue mode -> Entering rescue mode.", error.Message);
    }

    [Fact]
    public async Task Power_off_op_records_the_request_and_the_stop_mode()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice);
        var store = await MachineFixture.StoreWith(machine);

        Machine off = await Operations(store).PowerOffAsync("abc123", s_alice, StopMode.Soft, null, s_ct);

        Assert.Equal(PowerRequest.SoftOff, off.RequestedPower);
        Assert.Contains(await store.EventsAsync("abc123", s_ct), e => e.Type == "REQUEST_NODE_STOP");
    }

    [Fact]
    public async Task Lock_op_refuses_a_locked_machine_and_unlock_an_unlocked_one()
    {
        Machine locked = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice, "aaa111", locked: true);
        Machine unlocked = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice, "bbb222");
        var ops = Operations(await MachineFixture.StoreWith(locked, unlocked));

        var already = await Assert.ThrowsAnyAsync<MachineOperationException>(() => ops.LockAsync("aaa111", s_alice, null, s_ct));
        var not = await Assert.ThrowsAnyAsync<MachineOperationException>(() => ops.UnlockAsync("bbb222", s_alice, null, s_ct));

        Assert.Equal((ErrorCategory.Conflict, "Machine is already locked"), (already.Category, already.Message));
        Assert.Equal((ErrorCategory.Conflict, "Machine is not locked"), (not.Category, not.Message));
    }

    private static MachineOperations Operations(Fakes.InMemoryMachineStore store) =>
        new(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

    private static MachineActions Actions(Fakes.InMemoryMachineStore store) =>
        new(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);
}
