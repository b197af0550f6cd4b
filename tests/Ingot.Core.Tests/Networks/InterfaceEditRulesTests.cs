using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Tests.Storage;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Networks;

public sealed class InterfaceEditRulesTests
{
    private static readonly Actor s_admin = Actor.User("admin", isAdmin: true);
    private static readonly Actor s_owner = Actor.User("alice");
    private static readonly Actor s_other = Actor.User("bob");

    private static Machine In(MachineStatus status, string? owner = null, bool locked = false)
    {
        Machine machine = StorageMachines.With(true, 20);
        machine.ForceStatus(status, UnvalidatedReason.AddedDeployed, new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        machine.SetOwner(owner);
        machine.SetLocked(locked);
        return machine;
    }

    [Theory]
    [InlineData(MachineStatus.Ready)]
    [InlineData(MachineStatus.Allocated)]
    [InlineData(MachineStatus.Broken)]
    public void An_admin_may_edit_interfaces_when_ready_allocated_or_broken(MachineStatus status) =>
        Assert.Null(InterfaceEditRules.Edit(s_admin, In(status, "alice"), "update interface"));

    [Fact]
    public void An_update_is_allowed_on_a_deployed_machine_but_a_create_is_not()
    {
        Machine deployed = In(MachineStatus.Deployed, "alice");
        Assert.Null(InterfaceEditRules.Edit(s_admin, deployed, "update interface", deployedToo: true));
        MachineOperationException? refusal = InterfaceEditRules.Edit(s_admin, deployed, "create bond");
        Assert.Equal("NodeStateViolation", refusal?.Kind);
        Assert.Equal("Cannot create bond interface because the machine is not Ready, Allocated, or Broken.", refusal?.Message);
    }

    [Fact]
    public void The_owner_of_an_allocated_machine_may_not_update_an_interface()
    {
        MachineOperationException? refusal = InterfaceEditRules.Edit(s_owner, In(MachineStatus.Allocated, "alice"), "update interface");
        Assert.Equal("PermissionDenied", refusal?.Kind);
    }

    [Fact]
    public void A_permission_only_check_ignores_the_status()
    {
        Assert.Null(InterfaceEditRules.Edit(s_admin, In(MachineStatus.Deploying, "alice"), null));
        Assert.Equal("PermissionDenied", InterfaceEditRules.Edit(s_owner, In(MachineStatus.Deploying, "alice"), null)?.Kind);
    }

    [Fact]
    public void The_owner_of_an_allocated_machine_may_link_a_subnet() =>
        Assert.Null(InterfaceEditRules.Link(s_owner, In(MachineStatus.Allocated, "alice"), "link"));

    [Fact]
    public void An_admin_may_link_on_a_new_machine() =>
        Assert.Null(InterfaceEditRules.Link(s_admin, In(MachineStatus.New), "link"));

    [Fact]
    public void Another_user_may_not_link_on_a_machine_they_do_not_own() =>
        Assert.Equal("PermissionDenied", InterfaceEditRules.Link(s_other, In(MachineStatus.Allocated, "alice"), "link")?.Kind);

    [Fact]
    public void A_locked_machine_refuses_a_link() =>
        Assert.Equal("PermissionDenied", InterfaceEditRules.Link(s_owner, In(MachineStatus.Allocated, "alice", locked: true), "unlink")?.Kind);

    [Fact]
    public void Linking_on_a_deployed_machine_is_a_state_violation_with_maas_text()
    {
        MachineOperationException? refusal = InterfaceEditRules.Link(s_admin, In(MachineStatus.Deployed, "alice"), "unlink");
        Assert.Equal("NodeStateViolation", refusal?.Kind);
        Assert.Equal("Cannot unlink interface because the machine is not New, Ready, Allocated, or Broken.", refusal?.Message);
    }
}
