using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Storage;

public sealed class StorageEditRulesTests
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

    [Fact]
    public void An_admin_may_change_the_layout_of_a_ready_machine() =>
        Assert.Null(StorageEditRules.Layout(s_admin, In(MachineStatus.Ready)));

    [Fact]
    public void The_layout_of_an_allocated_machine_is_refused_with_maas_text()
    {
        MachineOperationException? refusal = StorageEditRules.Layout(s_admin, In(MachineStatus.Allocated, "alice"));
        Assert.Equal("NodeStateViolation", refusal?.Kind);
        Assert.Equal("Cannot change the storage layout on a machine that is not Ready.", refusal?.Message);
    }

    [Fact]
    public void A_non_admin_may_not_change_the_layout() =>
        Assert.Equal("PermissionDenied", StorageEditRules.Layout(s_owner, In(MachineStatus.Ready))?.Kind);

    [Fact]
    public void An_admin_may_create_a_partition_on_a_ready_machine() =>
        Assert.Null(StorageEditRules.Structure(s_admin, In(MachineStatus.Ready), "create partition"));

    [Theory]
    [InlineData(MachineStatus.Allocated)]
    [InlineData(MachineStatus.Deployed)]
    [InlineData(MachineStatus.New)]
    public void A_structural_edit_outside_ready_is_a_state_violation(MachineStatus status)
    {
        MachineOperationException? refusal = StorageEditRules.Structure(s_admin, In(status, "alice"), "create partition");
        Assert.Equal("NodeStateViolation", refusal?.Kind);
        Assert.Equal("Cannot create partition because the machine is not Ready.", refusal?.Message);
    }

    [Fact]
    public void The_owner_of_an_allocated_machine_may_not_create_a_partition()
    {
        MachineOperationException? refusal = StorageEditRules.Structure(s_owner, In(MachineStatus.Allocated, "alice"), "create partition");
        Assert.Equal("PermissionDenied", refusal?.Kind);
        Assert.Equal("You do not have permission to perform this action.", refusal?.Message);
    }

    [Fact]
    public void An_admin_may_not_edit_the_structure_of_a_locked_machine() =>
        Assert.Equal("PermissionDenied", StorageEditRules.Structure(s_admin, In(MachineStatus.Ready, locked: true), "delete RAID")?.Kind);

    [Fact]
    public void The_owner_of_an_allocated_machine_may_format() =>
        Assert.Null(StorageEditRules.Filesystem(s_owner, In(MachineStatus.Allocated, "alice"), "format partition"));

    [Fact]
    public void An_admin_may_format_on_a_ready_or_an_allocated_machine()
    {
        Assert.Null(StorageEditRules.Filesystem(s_admin, In(MachineStatus.Ready), "format partition"));
        Assert.Null(StorageEditRules.Filesystem(s_admin, In(MachineStatus.Allocated, "alice"), "mount partition"));
    }

    [Fact]
    public void A_non_admin_may_not_format_on_a_ready_machine()
    {
        MachineOperationException? refusal = StorageEditRules.Filesystem(s_owner, In(MachineStatus.Ready), "format block device");
        Assert.Equal("PermissionDenied", refusal?.Kind);
        Assert.Equal("Cannot format block device because you don't have the permissions on a Ready machine.", refusal?.Message);
    }

    [Fact]
    public void Another_user_may_not_format_an_allocated_machine_they_do_not_own() =>
        Assert.Equal("PermissionDenied", StorageEditRules.Filesystem(s_other, In(MachineStatus.Allocated, "alice"), "format partition")?.Kind);

    [Fact]
    public void The_owner_may_not_format_a_locked_allocated_machine() =>
        Assert.Equal("PermissionDenied", StorageEditRules.Filesystem(s_owner, In(MachineStatus.Allocated, "alice", locked: true), "unmount partition")?.Kind);

    [Theory]
    [InlineData(MachineStatus.Deployed)]
    [InlineData(MachineStatus.Commissioning)]
    [InlineData(MachineStatus.New)]
    public void A_filesystem_edit_outside_ready_and_allocated_is_a_state_violation(MachineStatus status)
    {
        MachineOperationException? refusal = StorageEditRules.Filesystem(s_admin, In(status, "alice"), "unformat partition");
        Assert.Equal("NodeStateViolation", refusal?.Kind);
        Assert.Equal("Cannot unformat partition because the machine is not Ready or Allocated.", refusal?.Message);
    }
}
