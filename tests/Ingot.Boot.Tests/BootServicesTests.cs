namespace Ingot.Boot.Tests;

public sealed class BootServicesTests
{
    [Fact]
    public void Machines_are_served_on_maas_port_5248() => Assert.Equal(5248, BootServices.HttpPort);
}
