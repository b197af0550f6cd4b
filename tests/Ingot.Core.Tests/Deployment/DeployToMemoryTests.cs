using Ingot.Core.Boot;
using Ingot.Core.BootResources;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Tests.Actions;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Deployment;

/// <summary>
/// MAAS 3.5's rule for what may be deployed to memory (<c>OSReleaseArchitecture.can_deploy_to_memory</c>): a synced
/// image's squashfs, an uploaded root tarball <c>root-tgz</c> or <c>root-txz</c>; never a disk image, a <c>root-tbz</c>,
/// or an image with no install file. And what a deployment stores: <c>ephemeral_deploy or is_diskless</c>.
/// </summary>
public sealed class DeployToMemoryTests
{
    private static readonly DateTime s_now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(BootResourceFileTypes.Squashfs, true)]
    [InlineData(BootResourceFileTypes.RootTgz, true)]
    [InlineData(BootResourceFileTypes.RootTxz, true)]
    [InlineData(BootResourceFileTypes.RootTbz, false)]
    [InlineData("root-dd", false)]
    [InlineData("root-dd.raw", false)]
    [InlineData("root-dd.gz", false)]
    [InlineData("root-dd.xz", false)]
    [InlineData(null, false)]
    public void Only_a_squashfs_or_a_tgz_or_txz_root_may_be_deployed_to_memory(string? rootFile, bool allowed)
    {
        var files = new Dictionary<string, BootImageFile>
        {
            [BootResourceFileTypes.Kernel] = new(BootResourceFileTypes.Kernel, "kernel", 1, "k"),
            [BootResourceFileTypes.Initrd] = new(BootResourceFileTypes.Initrd, "initrd", 1, "i"),
        };
        if (rootFile is not null)
        {
            files[rootFile] = new(rootFile, rootFile, 1, "r");
        }

        Assert.Equal(allowed, DeploymentChecks.CanDeployToMemory(new BootImage("custom", "image", "amd64/generic", files)));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    public void A_deployment_stores_ephemeral_deploy_or_diskless(bool asked, bool diskless, bool stored)
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice);
        if (diskless)
        {
            machine.BlockDevices.Clear();
        }

        machine.StartDeployment(Actor.User(MachineFixture.Alice, isAdmin: true), s_now, LifecycleSettings.Default, new DeployOptions(EphemeralDeploy: asked));

        Assert.Equal((stored, stored), (machine.EphemeralDeploy, machine.IsEphemeralDeployment));
    }
}
