using Ingot.Core.Boot;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Tests.Signals;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Deployment;

public class DeploymentInputsTests
{
    private static readonly DateTime s_now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly Actor s_owner = Actor.User("alice", isAdmin: true);

    [Fact]
    public void A_curtin_stage_restarts_the_twice_node_timeout_bound()
    {
        Machine machine = MachinesInStatus.Create(MachineStatus.Allocated, s_now);
        machine.StartDeployment(s_owner, s_now, LifecycleSettings.Default, new DeployOptions(UserData: "eA==", EphemeralDeploy: true));
        Assert.Equal(s_now.AddMinutes(60), machine.StatusExpires);
        Assert.Equal(("eA==", true), (machine.UserData, machine.EphemeralDeploy));

        Assert.True(machine.ResetDeploymentTimeout(s_now.AddMinutes(50), LifecycleSettings.Default));
        Assert.Equal(s_now.AddMinutes(110), machine.StatusExpires);
    }

    [Fact]
    public void Release_forgets_the_user_data_and_the_memory_deployment()
    {
        Machine machine = MachinesInStatus.Create(MachineStatus.Allocated, s_now);
        machine.StartDeployment(s_owner, s_now, LifecycleSettings.Default, new DeployOptions(UserData: "eA==", EphemeralDeploy: true));
        machine.Release(s_owner, s_now, LifecycleSettings.Default);
        Assert.Equal(("", false), (machine.UserData, machine.EphemeralDeploy));
    }

    [Fact]
    public void The_erase_settings_are_the_defaults_of_a_release()
    {
        var settings = new LifecycleSettings { EraseOnRelease = true, EraseWithQuickErase = true };
        Assert.Equal(new ReleaseOptions(Erase: true, SecureErase: false, QuickErase: true), settings.WithEraseDefaults(ReleaseOptions.Default));
        Assert.Equal(new ReleaseOptions(Erase: true, SecureErase: true, QuickErase: true), settings.WithEraseDefaults(new ReleaseOptions(SecureErase: true)));

        // An explicit false in the request wins over a true setting (MAAS's start_disk_erasing: passed values first).
        Assert.Equal(new ReleaseOptions(Erase: true, SecureErase: false, QuickErase: false), settings.WithEraseDefaults(new ReleaseOptions(QuickErase: false)));
        Assert.Equal(new ReleaseOptions(Erase: false, SecureErase: false, QuickErase: false), LifecycleSettings.Default.WithEraseDefaults(ReleaseOptions.Default));
    }

    [Theory]
    [InlineData(MachineStatus.Deployed, true, BootPurpose.Xinstall)]
    [InlineData(MachineStatus.Deployed, false, BootPurpose.Local)]
    [InlineData(MachineStatus.Deploying, true, BootPurpose.Xinstall)]
    public void A_machine_deployed_to_memory_keeps_booting_its_ephemeral_os(MachineStatus status, bool ephemeral, BootPurpose expected)
    {
        var record = new BootRecord("abc123", "host", status, MachineStatus.Allocated, "amd64/generic", "ubuntu", "noble", "", Netboot: true, EphemeralDeployment: ephemeral);
        Assert.Equal(expected, BootPurposes.For(record));
    }
}
