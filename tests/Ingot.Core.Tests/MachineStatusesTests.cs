using Ingot.Core.Machines;

namespace Ingot.Core.Tests;

public class MachineStatusesTests
{
    [Fact]
    public void There_are_23_statuses_with_MAAS_values()
    {
        Assert.Equal(23, MachineStatuses.All.Count);
        Assert.Equal(22, (int)MachineStatus.FailedTesting);
        Assert.Equal("Releasing failed", MachineStatus.FailedReleasing.Label());
        Assert.Equal("FAILED_ENTERING_RESCUE_MODE", MachineStatus.FailedEnteringRescueMode.ConstantName());
    }
}
