using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// Full fidelity, end to end (issue 8): Ingot provides DHCP, TFTP, HTTP boot and power over IPMI to qemu
/// VMs behind real OpenIPMI ipmi_sim BMCs on the lab network, and walks them through MAAS's standard
/// life-cycle (<see cref="LifecycleWalk"/>): two VMs at once, each the whole way (enlist, commission,
/// test, deploy the raw image of <c>scripts/build-deploy-image.sh</c>, lock, unlock, release with quick
/// erase). It replaces the manual-power DeploymentTests, whose every check it makes. No test code
/// starts qemu: only ipmi_sim's chassis control does, at the operator's first IPMI power on and at
/// every power action Ingot decides. Consoles, the BMCs' control logs, Ingot's output, the events and
/// the stage timings are kept in <see cref="NetworkBootLab.LogDirectory"/> as <c>ff-*</c>.
/// </summary>
public sealed class FullLifecycleTests
{
    [Fact]
    public async Task Two_vms_powered_by_ingot_over_ipmi_enlist_commission_deploy_lock_and_are_released_with_quick_erase_at_once()
    {
        E2ERequirements.Require();
        E2ERequirements.RequireIpmi();
        await using var lab = new NetworkBootLab("ff");
        await lab.StartAsync();
        string image = await EphemeralImage.DirectoryAsync();
        string disk = await DeployImage.PathAsync();
        await lab.Server.RunAsync("add-ephemeral-image", "--dir", image, "--name", "ingot/deployable", "--root-dd-raw", disk);
        using var maas = new MaasClient(lab.Server.ApiUrl, lab.ApiKey);
        await using BmcMachine first = await BmcMachine.StartAsync(lab.Network, "a", 0x01, cpus: 1, memoryMiB: 512, diskMiB: 4096);
        await using BmcMachine second = await BmcMachine.StartAsync(lab.Network, "b", 0x02, cpus: 1, memoryMiB: 512, diskMiB: 4096);
        LifecycleWalk[] walks = [new(first, maas, lab), new(second, maas, lab)];
        try
        {
            await Task.WhenAll(walks.Select(w => w.RunAsync()));
        }
        finally
        {
            await WalkArtefacts.KeepAsync("ff", lab, maas, [.. new[] { first, second }.Zip(walks, (vm, walk) => (vm, walk.Stages, walk.SystemId))]);
        }
    }
}
