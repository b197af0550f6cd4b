namespace Ingot.Power.Tests;

public sealed class PowerTypesTests
{
    [Fact]
    public void The_manual_driver_has_maas_name() => Assert.Equal("manual", PowerTypes.Manual);
}
