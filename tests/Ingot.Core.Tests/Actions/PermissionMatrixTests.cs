using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Actions;

/// <summary>
/// The permission matrix of MAAS's <c>auth/local.py</c>: owner / other user / admin / anonymous /
/// system, on an owned and an unowned machine, locked and unlocked, for view, edit, admin and lock.
/// Expectations are written out, not computed.
/// </summary>
public class PermissionMatrixTests
{
    public static TheoryData<string, bool, bool, bool, bool, bool, bool> Cases() => new()
    {
        // actor, owned by alice, locked, view, edit, admin, lock
        { "owner", true, false, true, true, false, true },
        { "owner", true, true, true, false, false, true },
        { "other", true, false, false, false, false, false },
        { "other", true, true, false, false, false, false },
        { "admin", true, false, true, true, true, true },
        { "admin", true, true, true, false, false, true },
        { "anonymous", true, false, false, false, false, false },
        { "anonymous", true, true, false, false, false, false },
        { "system", true, false, true, true, true, true },
        { "system", true, true, true, true, true, true },
        { "other", false, false, true, true, false, true },
        { "other", false, true, true, false, false, true },
        { "admin", false, false, true, true, true, true },
        { "admin", false, true, true, false, false, true },
        { "anonymous", false, false, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Permission_levels_follow_MAAS(string who, bool owned, bool locked, bool view, bool edit, bool admin, bool lockPermission)
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: owned ? MachineFixture.Alice : null, locked: locked);
        Actor? actor = ActorFor(who);

        Assert.Equal(view, MachinePermissions.Has(actor, machine, NodePermission.View));
        Assert.Equal(edit, MachinePermissions.Has(actor, machine, NodePermission.Edit));
        Assert.Equal(admin, MachinePermissions.Has(actor, machine, NodePermission.Admin));
        Assert.Equal(lockPermission, MachinePermissions.Has(actor, machine, NodePermission.Lock));
    }

    [Fact]
    public void Lock_permission_needs_a_pool()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice);
        machine.SetPool("", MachineFixture.Start);

        Assert.False(MachinePermissions.Has(Actor.User(MachineFixture.Alice), machine, NodePermission.Lock));
        Assert.True(MachinePermissions.Has(Actor.User(MachineFixture.Alice), machine, NodePermission.Edit));
    }

    [Fact]
    public async Task A_machine_the_actor_cannot_view_is_not_found()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice);
        var ops = new MachineOperations(await MachineFixture.StoreWith(machine), new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            ops.ReleaseAsync(machine.SystemId, Actor.User(MachineFixture.Bob), null, CancellationToken.None));

        Assert.Equal(ErrorCategory.NotFound, error.Category);
    }

    [Fact]
    public async Task Releasing_a_locked_machine_is_forbidden_even_for_its_owner()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice, locked: true);
        var ops = new MachineOperations(await MachineFixture.StoreWith(machine), new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() =>
            ops.ReleaseAsync(machine.SystemId, Actor.User(MachineFixture.Alice), null, CancellationToken.None));

        Assert.Equal(ErrorCategory.Forbidden, error.Category);
        Assert.Equal(MachineStatus.Deployed, machine.Status);
    }

    [Fact]
    public async Task A_locked_machine_can_still_be_unlocked_by_its_owner()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice, locked: true);
        var ops = new MachineOperations(await MachineFixture.StoreWith(machine), new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

        Machine unlocked = await ops.UnlockAsync(machine.SystemId, Actor.User(MachineFixture.Alice), null, CancellationToken.None);

        Assert.False(unlocked.Locked);
    }

    [Fact]
    public void Abort_is_an_admin_action_in_the_UI_but_an_edit_op_in_the_API()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deploying, owner: MachineFixture.Alice);

        Assert.False(NodeActions.ByName[NodeActions.Abort].IsActionable(Actor.User(MachineFixture.Alice), machine));
        Assert.True(MachinePermissions.Has(Actor.User(MachineFixture.Alice), machine, NodePermission.Edit));
    }

    [Fact]
    public void Mark_broken_is_offered_only_to_the_owner_even_for_admins()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice);
        NodeAction markBroken = NodeActions.ByName[NodeActions.MarkBroken];

        Assert.True(markBroken.IsActionable(Actor.User(MachineFixture.Alice), machine));
        Assert.False(markBroken.IsActionable(Actor.User(MachineFixture.Root, isAdmin: true), machine));
    }

    [Fact]
    public void Commission_accepts_an_ipmi_machine_without_an_interface_but_test_does_not()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Ready);
        machine.Interfaces.Clear();
        Actor admin = Actor.User(MachineFixture.Root, isAdmin: true);

        Assert.True(NodeActions.ByName[NodeActions.Commission].IsActionable(admin, machine));
        Assert.False(NodeActions.ByName[NodeActions.Test].IsActionable(admin, machine));
        machine.PowerType = "redfish";
        Assert.False(NodeActions.ByName[NodeActions.Commission].IsActionable(admin, machine));
    }

    [Fact]
    public void Power_off_is_hidden_when_the_machine_is_off()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice);
        NodeAction off = NodeActions.ByName[NodeActions.PowerOff];
        Assert.True(off.IsActionable(Actor.User(MachineFixture.Alice), machine));

        machine.PowerState = Power.PowerState.Off;

        Assert.False(off.IsActionable(Actor.User(MachineFixture.Alice), machine));
    }

    [Fact]
    public void Only_unlock_is_offered_on_a_locked_machine()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Deployed, owner: MachineFixture.Alice, locked: true);
        Actor admin = Actor.User(MachineFixture.Root, isAdmin: true);

        Assert.Equal([NodeActions.Unlock], NodeActions.All.Where(a => a.IsActionable(admin, machine)).Select(a => a.Name));
    }

    private static Actor? ActorFor(string who) => who switch
    {
        "owner" => Actor.User(MachineFixture.Alice),
        "other" => Actor.User(MachineFixture.Bob),
        "admin" => Actor.User(MachineFixture.Root, isAdmin: true),
        "system" => Actor.System,
        _ => null,
    };
}
