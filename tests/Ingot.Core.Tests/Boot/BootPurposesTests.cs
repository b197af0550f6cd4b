using Ingot.Core.Boot;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Boot;

public sealed class BootPurposesTests
{
    /// <summary>Every status MAAS has, with what it boots with netboot on and off (<c>Node.get_boot_purpose</c>).</summary>
    public static TheoryData<MachineStatus, BootPurpose, BootPurpose> Table() => new()
    {
        { MachineStatus.New, BootPurpose.Commissioning, BootPurpose.Commissioning },
        { MachineStatus.Commissioning, BootPurpose.Commissioning, BootPurpose.Commissioning },
        { MachineStatus.FailedCommissioning, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Missing, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Ready, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Reserved, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Deployed, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Retired, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Broken, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Deploying, BootPurpose.Xinstall, BootPurpose.Local },
        { MachineStatus.Allocated, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.FailedDeployment, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Releasing, BootPurpose.Commissioning, BootPurpose.Commissioning },
        { MachineStatus.FailedReleasing, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.DiskErasing, BootPurpose.Commissioning, BootPurpose.Commissioning },
        { MachineStatus.FailedDiskErasing, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.RescueMode, BootPurpose.Commissioning, BootPurpose.Commissioning },
        { MachineStatus.EnteringRescueMode, BootPurpose.Commissioning, BootPurpose.Commissioning },
        { MachineStatus.FailedEnteringRescueMode, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.ExitingRescueMode, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.FailedExitingRescueMode, BootPurpose.Local, BootPurpose.Local },
        { MachineStatus.Testing, BootPurpose.Commissioning, BootPurpose.Commissioning },
        { MachineStatus.FailedTesting, BootPurpose.Local, BootPurpose.Local },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_status_boots_what_maas_boots(MachineStatus status, BootPurpose netbootOn, BootPurpose netbootOff)
    {
        Assert.Equal(netbootOn, BootPurposes.For(status, netboot: true));
        Assert.Equal(netbootOff, BootPurposes.For(status, netboot: false));
    }

    [Fact]
    public void The_table_covers_all_23_statuses() =>
        Assert.Equal(Enum.GetValues<MachineStatus>().Order(), Table().Select(row => (MachineStatus)row.Data.Item1).Order());

    [Fact]
    public void An_unknown_mac_enlists() => Assert.Equal(BootPurpose.Enlist, BootPurposes.For(null));
}
