using Ingot.Core.Machines;
using Ingot.Core.Tests.Signals;

namespace Ingot.Core.Tests.Deployment;

public class EndDeploymentTests
{
    private static readonly DateTime s_now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_user_data_fetch_ends_a_deployment_with_an_IMAGE_DEPLOYED_event()
    {
        Machine machine = MachinesInStatus.Create(MachineStatus.Deploying, s_now, "dep001");
        machine.Osystem = "ubuntu";
        machine.DistroSeries = "noble";

        Assert.True(machine.EndDeployment(s_now));

        Assert.Equal(MachineStatus.Deployed, machine.Status);
        Assert.Null(machine.StatusExpires);
        Assert.Contains(machine.PendingEvents, e => e.Type == "IMAGE_DEPLOYED" && e.Description == "ubuntu/noble");
        Assert.Contains(machine.PendingEvents, e => e.ToStatus == MachineStatus.Deployed && e.FromStatus == MachineStatus.Deploying);
    }

    [Theory]
    [InlineData(MachineStatus.Deployed)]
    [InlineData(MachineStatus.Allocated)]
    [InlineData(MachineStatus.Ready)]
    public void Outside_deploying_the_fetch_changes_nothing(MachineStatus status)
    {
        Machine machine = MachinesInStatus.Create(status, s_now, "dep001");
        int events = machine.PendingEvents.Count;

        Assert.False(machine.EndDeployment(s_now));

        Assert.Equal(status, machine.Status);
        Assert.Equal(events, machine.PendingEvents.Count);
    }
}
