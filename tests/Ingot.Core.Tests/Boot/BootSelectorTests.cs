using Ingot.Core.Boot;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Boot;

public sealed class BootSelectorTests
{
    private static BootRecord Machine(MachineStatus status, MachineStatus previous = MachineStatus.Ready, string osystem = "ubuntu",
        string series = "jammy", string architecture = "amd64/generic", string hwe = "") =>
        new("abc123", "node1", status, previous, architecture, osystem, series, hwe, true);

    [Fact]
    public void An_unknown_machine_enlists_as_maas_enlist_on_the_commissioning_image()
    {
        BootSelection s = BootSelector.Select(null, BootDefaults.Maas);

        Assert.Equal(new BootSelection(BootPurpose.Enlist, null, "maas-enlist", "ubuntu", "noble", "amd64", "generic"), s);
    }

    [Fact]
    public void Commissioning_uses_the_commissioning_release_not_the_machines()
    {
        BootSelection s = BootSelector.Select(Machine(MachineStatus.Commissioning), BootDefaults.Maas);

        Assert.Equal(("ubuntu", "noble", "amd64/generic", "abc123"), (s.Osystem, s.Series, s.Architecture, s.SystemId));
    }

    [Theory]
    [InlineData(MachineStatus.DiskErasing, MachineStatus.Deployed, "jammy")]
    [InlineData(MachineStatus.RescueMode, MachineStatus.Deployed, "jammy")]
    [InlineData(MachineStatus.EnteringRescueMode, MachineStatus.Deployed, "jammy")]
    [InlineData(MachineStatus.EnteringRescueMode, MachineStatus.Ready, "noble")]
    [InlineData(MachineStatus.Testing, MachineStatus.Deployed, "noble")]
    public void Erasing_and_rescuing_a_deployed_ubuntu_machine_use_its_deployed_release(MachineStatus status, MachineStatus previous, string series) =>
        Assert.Equal(series, BootSelector.Select(Machine(status, previous), BootDefaults.Maas).Series);

    [Fact]
    public void Deploying_ubuntu_boots_the_installer_of_the_target_release()
    {
        BootSelection s = BootSelector.Select(Machine(MachineStatus.Deploying), BootDefaults.Maas);

        Assert.Equal((BootPurpose.Xinstall, "ubuntu", "jammy"), (s.Purpose, s.Osystem, s.Series));
    }

    [Fact]
    public void Deploying_another_os_boots_the_commissioning_installer()
    {
        BootSelection s = BootSelector.Select(Machine(MachineStatus.Deploying, osystem: "centos", series: "centos70"), BootDefaults.Maas);

        Assert.Equal(("ubuntu", "noble"), (s.Osystem, s.Series));
    }

    [Fact]
    public void A_generic_machine_with_an_hwe_kernel_boots_that_kernel()
    {
        BootSelection s = BootSelector.Select(Machine(MachineStatus.Deploying, hwe: "hwe-22.04"), BootDefaults.Maas);

        Assert.Equal("amd64/hwe-22.04", s.Architecture);
    }

    [Fact]
    public void A_machine_without_architecture_or_release_takes_the_defaults()
    {
        BootSelection s = BootSelector.Select(Machine(MachineStatus.Deploying, osystem: "", series: "", architecture: ""), BootDefaults.Maas);

        Assert.Equal(("ubuntu", "noble", "amd64/generic"), (s.Osystem, s.Series, s.Architecture));
    }
}
