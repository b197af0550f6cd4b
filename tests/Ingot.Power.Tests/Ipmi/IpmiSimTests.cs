using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power.Ipmi;
using Ingot.Power.Processes;

namespace Ingot.Power.Tests.Ipmi;

/// <summary>The IPMI driver through FreeIPMI against real OpenIPMI ipmi_sim BMCs on loopback.</summary>
public sealed class IpmiSimTests
{
    private static readonly IpmiPowerDriver s_driver = new(new ProcessRunner(), new IpmiOptions { SessionTimeout = TimeSpan.FromSeconds(2) });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Power_on_sets_pxe_boot_then_powers_on()
    {
        await using IpmiTestBmc bmc = await IpmiTestBmc.StartAsync(Ct);
        await s_driver.PowerOnAsync(bmc.Context(), Ct);
        Assert.True(bmc.IsOn);
        Assert.Equal(["pxe"], bmc.Boots);
        Assert.Equal(PowerState.On, await s_driver.QueryAsync(bmc.Context(), Ct));
    }

    [Fact]
    public async Task Power_off_turns_the_chassis_off_and_query_says_off()
    {
        await using IpmiTestBmc bmc = await IpmiTestBmc.StartAsync(Ct);
        await s_driver.PowerOnAsync(bmc.Context(), Ct);
        await s_driver.PowerOffAsync(bmc.Context(), StopMode.Hard, Ct);
        Assert.False(bmc.IsOn);
        Assert.Equal(PowerState.Off, await s_driver.QueryAsync(bmc.Context(), Ct));
    }

    [Fact]
    public async Task Cycle_of_a_running_machine_powers_it_off_and_on_again_into_pxe()
    {
        await using IpmiTestBmc bmc = await IpmiTestBmc.StartAsync(Ct);
        await s_driver.PowerOnAsync(bmc.Context(), Ct);
        var actions = new PowerActions(TimeProvider.System, [TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)]);
        await actions.CycleAsync(s_driver, bmc.Context(), Ct);
        Assert.True(bmc.IsOn);
        Assert.Equal(["pxe", "pxe"], bmc.Boots);
    }

    [Fact]
    public async Task Setting_the_boot_device_to_pxe_leaves_the_power_alone()
    {
        await using IpmiTestBmc bmc = await IpmiTestBmc.StartAsync(Ct);
        await s_driver.SetBootDevicePxeAsync(bmc.Context(), Ct);
        Assert.Equal("pxe", File.ReadAllText(bmc.BootFile).Trim());
        Assert.False(bmc.IsOn);
    }

    [Fact]
    public async Task A_wrong_password_is_maas_authentication_error()
    {
        await using IpmiTestBmc bmc = await IpmiTestBmc.StartAsync(Ct);
        PowerException error = await Assert.ThrowsAsync<PowerException>(() => s_driver.QueryAsync(bmc.Context(password: "wrong"), Ct));
        Assert.Equal(PowerErrorKind.Auth, error.Kind);
        Assert.Equal("Incorrect password.  Check BMC configuration and try again.", error.Message);
        await Assert.ThrowsAsync<PowerException>(() => s_driver.PowerOnAsync(bmc.Context(password: "wrong"), Ct));
        Assert.False(bmc.IsOn);
    }

    [Fact]
    public async Task An_unreachable_bmc_is_a_connection_error_within_the_session_timeout()
    {
        var context = new PowerContext("ipmi01", IpmiSchema.Schema, new Dictionary<string, string>
        {
            ["power_address"] = "127.0.0.1:9",
            ["power_user"] = "admin",
            ["power_pass"] = "password",
        });
        if (Tools.Find("ipmipower") is null)
        {
            Assert.Skip("FreeIPMI (freeipmi-tools) is not installed");
        }

        PowerException error = await Assert.ThrowsAsync<PowerException>(() => s_driver.QueryAsync(context, Ct));
        Assert.Equal(PowerErrorKind.Connection, error.Kind);
        Assert.StartsWith("Could not contact node's BMC: Connection timed out", error.MaasMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_bmc_still_powers_on_and_answers()
    {
        await using IpmiTestBmc bmc = await IpmiTestBmc.StartAsync(Ct);
        bmc.SetDelay(0.3);
        var patient = new IpmiPowerDriver(new ProcessRunner(), new IpmiOptions { SessionTimeout = TimeSpan.FromSeconds(15) });
        await patient.PowerOnAsync(bmc.Context(), Ct);
        Assert.True(bmc.IsOn);
        Assert.Equal(PowerState.On, await patient.QueryAsync(bmc.Context(), Ct));
    }
}
