using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power.Redfish;
using Ingot.Sim.Redfish;

namespace Ingot.Power.Tests.Redfish;

public sealed class RedfishDriverTests : IAsyncLifetime
{
    private VirtualRedfishBmc _bmc = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemCount = 3, UserName = "maas", Password = "s3cret" }, Ct);

    public async ValueTask DisposeAsync() => await _bmc.DisposeAsync();

    private PowerContext Context(string? nodeId = "2", string password = "s3cret") => new("abc123", RedfishSchema.Schema, new Dictionary<string, string>
    {
        ["power_address"] = _bmc.BaseAddress.ToString().TrimEnd('/'),
        ["power_user"] = "maas",
        ["power_pass"] = password,
        ["node_id"] = nodeId ?? "",
    });

    [Fact]
    public async Task Power_on_sets_a_one_time_pxe_boot_that_the_system_consumes()
    {
        using var driver = new RedfishPowerDriver();
        VirtualSystem system = _bmc.Systems["2"];
        var boots = new List<string>();
        system.PowerChanged += (_, e) => boots.Add(e.IsOn ? e.BootSource : "off");

        await driver.PowerOnAsync(Context(), Ct);

        Assert.True(system.IsOn);
        Assert.Equal(["Pxe"], boots);
        Assert.Equal("Disabled", system.Snapshot().OverrideEnabled);
        Assert.False(_bmc.Systems["1"].IsOn);
        Assert.Equal(PowerState.On, await driver.QueryAsync(Context(), Ct));
    }

    [Fact]
    public async Task Power_off_forces_off_and_leaves_pxe_set_for_the_next_boot()
    {
        using var driver = new RedfishPowerDriver();
        VirtualSystem system = _bmc.Systems["2"];
        system.Reset("On");

        await driver.PowerOffAsync(Context(), StopMode.Hard, Ct);

        Assert.False(system.IsOn);
        (_, string enabled, string target, _, _) = system.Snapshot();
        Assert.Equal(("Once", "Pxe"), (enabled, target));
        Assert.Equal(PowerState.Off, await driver.QueryAsync(Context(), Ct));
    }

    [Fact]
    public async Task Cycle_of_a_running_system_restarts_it_into_pxe()
    {
        using var driver = new RedfishPowerDriver();
        VirtualSystem system = _bmc.Systems["3"];
        system.Reset("On");
        var events = new List<string>();
        system.PowerChanged += (_, e) => events.Add(e.IsOn ? $"on:{e.BootSource}" : "off");

        await ((IPowerDriver)driver).PowerCycleAsync(Context("3"), Ct);

        Assert.Equal(["off", "on:Pxe"], events);
    }

    [Fact]
    public async Task Without_node_id_the_first_system_of_the_service_is_used()
    {
        using var driver = new RedfishPowerDriver();
        await driver.PowerOnAsync(Context(nodeId: null), Ct);
        Assert.True(_bmc.Systems["1"].IsOn);
    }

    [Fact]
    public async Task Session_authentication_logs_in_once_and_uses_the_token()
    {
        using var driver = new RedfishPowerDriver(new RedfishOptions { Authentication = RedfishAuthentication.Session });
        Assert.Equal(PowerState.Off, await driver.QueryAsync(Context(), Ct));
        await driver.PowerOnAsync(Context(), Ct);
        Assert.Single(_bmc.Sessions.Ids);
        Assert.True(_bmc.Systems["2"].IsOn);
    }

    [Theory]
    [InlineData(RedfishAuthentication.Basic)]
    [InlineData(RedfishAuthentication.Session)]
    public async Task A_wrong_password_is_an_authentication_error(RedfishAuthentication authentication)
    {
        using var driver = new RedfishPowerDriver(new RedfishOptions { Authentication = authentication });
        PowerException error = await Assert.ThrowsAsync<PowerException>(() => driver.QueryAsync(Context(password: "wrong"), Ct));
        Assert.Equal(PowerErrorKind.Auth, error.Kind);
        Assert.True(error.IsFatal);
        Assert.StartsWith("Could not authenticate to node's BMC: Redfish request failed with response status code: 401.", error.MaasMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_node_id_is_a_failed_action()
    {
        using var driver = new RedfishPowerDriver();
        PowerException error = await Assert.ThrowsAsync<PowerException>(() => driver.QueryAsync(Context("99"), Ct));
        Assert.Equal(PowerErrorKind.Action, error.Kind);
        Assert.Equal("Redfish request failed with response status code: 404.", error.Message);
    }

    [Fact]
    public async Task An_unreachable_service_is_a_connection_error()
    {
        using var driver = new RedfishPowerDriver(new RedfishOptions { RequestTimeout = TimeSpan.FromSeconds(5) });
        var context = new PowerContext("abc123", RedfishSchema.Schema, new Dictionary<string, string>
        {
            ["power_address"] = "http://127.0.0.1:9",
            ["power_user"] = "u",
            ["power_pass"] = "p",
            ["node_id"] = "1",
        });
        PowerException error = await Assert.ThrowsAsync<PowerException>(() => driver.QueryAsync(context, Ct));
        Assert.Equal(PowerErrorKind.Connection, error.Kind);
    }

    [Fact]
    public async Task Power_actions_confirm_the_state_through_the_driver()
    {
        using var driver = new RedfishPowerDriver();
        var actions = new PowerActions(TimeProvider.System, [TimeSpan.Zero, TimeSpan.Zero]);
        await actions.OnAsync(driver, Context(), Ct);
        Assert.Equal(PowerState.On, await actions.QueryAsync(driver, Context(), Ct));
        await actions.OffAsync(driver, Context(), StopMode.Soft, Ct);
        Assert.False(_bmc.Systems["2"].IsOn);
    }
}
