using Ingot.Core.Power;

namespace Ingot.Core.Tests.PowerControl;

public sealed class BmcParametersTests
{
    private static readonly PowerTypeCatalog s_catalog = new([
        new PowerTypeSchema("chassis", "Chassis", [
            new PowerParameterField("power_address", "Address"),
            new PowerParameterField("node_id", "Node") { Scope = PowerParameterScope.Node },
        ]) { Chassis = true },
        new PowerTypeSchema("bare", "No settings", []),
    ]);

    [Fact]
    public void Settings_go_to_the_bmc_or_the_node_by_their_declared_scope_and_undeclared_ones_to_the_node()
    {
        BmcParameters split = BmcParameters.Split(s_catalog, "chassis", new Dictionary<string, string>
        {
            ["power_address"] = "10.0.0.1",
            ["node_id"] = "4",
            ["extra"] = "x",
        });
        Assert.True(split.Chassis);
        Assert.Equal(["power_address"], split.Bmc.Keys);
        Assert.Equal(["extra", "node_id"], split.Node.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("bare")]
    public void Without_a_driver_or_its_settings_everything_is_the_nodes(string powerType)
    {
        BmcParameters split = BmcParameters.Split(s_catalog, powerType, new Dictionary<string, string> { ["power_address"] = "10.0.0.1" });
        Assert.False(split.Chassis);
        Assert.Empty(split.Bmc);
        Assert.Equal("10.0.0.1", split.Node["power_address"]);
    }

    [Fact]
    public void The_node_settings_lie_over_the_bmc_settings()
    {
        Dictionary<string, string> merged = BmcParameters.Merge(
            new Dictionary<string, string> { ["a"] = "bmc", ["b"] = "bmc" }, new Dictionary<string, string> { ["b"] = "node" });
        Assert.Equal("bmc", merged["a"]);
        Assert.Equal("node", merged["b"]);
        Assert.True(BmcParameters.Same(merged, new Dictionary<string, string> { ["b"] = "node", ["a"] = "bmc" }));
        Assert.False(BmcParameters.Same(merged, new Dictionary<string, string> { ["a"] = "bmc" }));
    }
}
