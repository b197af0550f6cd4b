using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power.Ipmi;
using Ingot.Power.Processes;

namespace Ingot.Power.Tests.Ipmi;

public sealed class IpmiCommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PowerContext Context(Dictionary<string, string> parameters) => new("sys01", IpmiSchema.Schema, parameters);

    private static readonly Dictionary<string, string> s_basic = new() { ["power_address"] = "10.0.0.5", ["power_user"] = "maas", ["power_pass"] = "pw" };

    [Fact]
    public async Task Power_on_commits_pxe_boot_flags_then_cycles_on_if_off_with_maas_defaults()
    {
        var runner = new FakeProcessRunner(new ProcessResult(0, "", ""), new ProcessResult(0, "10.0.0.5: ok\n", ""));
        await new IpmiPowerDriver(runner, new IpmiOptions()).PowerOnAsync(Context(s_basic), Ct);

        string[] common = ["-W", "opensesspriv", "--driver-type", "LAN_2_0", "-h", "10.0.0.5", "-u", "maas", "-p", "pw", "-I", "3", "-l", "OPERATOR"];
        Assert.Equal("ipmi-chassis-config", runner.Invocations[0].FileName);
        Assert.Equal([.. common, "--commit", "--filename"], runner.Invocations[0].Arguments.Take(common.Length + 2));
        Assert.Equal(new ProcessInvocation("ipmipower", [.. common, "--cycle", "--on-if-off"]).ToString(), runner.Invocations[1].ToString());
        Assert.Equal(
            "Section Chassis_Boot_Flags\n        Boot_Flags_Persistent                         No\n        Boot_Device                                   PXE\nEndSection\n",
            runner.ConfigFiles[0]);
    }

    [Fact]
    public async Task Explicit_parameters_change_the_arguments()
    {
        var runner = new FakeProcessRunner(new ProcessResult(0, "10.0.0.5: off\n", ""));
        var parameters = new Dictionary<string, string>(s_basic)
        {
            ["power_driver"] = "LAN",
            ["cipher_suite_id"] = "",
            ["privilege_level"] = "ADMIN",
            ["workaround_flags"] = "",
            ["k_g"] = "key",
        };
        Assert.Equal(PowerState.Off, await new IpmiPowerDriver(runner, new IpmiOptions()).QueryAsync(Context(parameters), Ct));
        Assert.Equal(["--driver-type", "LAN", "-h", "10.0.0.5", "-u", "maas", "-p", "pw", "-k", "key", "-l", "ADMIN", "--stat"], runner.Invocations[0].Arguments);
    }

    [Fact]
    public async Task Soft_stop_sends_soft_and_efi_boot_type_goes_into_the_chassis_config()
    {
        var runner = new FakeProcessRunner(new ProcessResult(0, "", ""));
        var driver = new IpmiPowerDriver(runner, new IpmiOptions());
        await driver.PowerOffAsync(Context(s_basic), StopMode.Soft, Ct);
        Assert.Equal("--soft", runner.Invocations[0].Arguments[^1]);
        await driver.SetBootDevicePxeAsync(Context(new(s_basic) { ["power_boot_type"] = "efi" }), Ct);
        Assert.Contains("BIOS_Boot_Type                                EFI\n", runner.ConfigFiles[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chassis_config_failure_other_than_auth_does_not_stop_power_on()
    {
        var runner = new FakeProcessRunner(new ProcessResult(1, "", "10.0.0.5: connection timeout"), new ProcessResult(0, "10.0.0.5: ok", ""));
        await new IpmiPowerDriver(runner, new IpmiOptions()).PowerOnAsync(Context(s_basic), Ct);
        Assert.Equal(2, runner.Invocations.Count);
    }

    [Fact]
    public async Task An_incorrect_kg_is_retried_once_without_kg()
    {
        var runner = new FakeProcessRunner(new ProcessResult(1, "10.0.0.5: k_g invalid", ""), new ProcessResult(0, "10.0.0.5: on", ""));
        PowerState state = await new IpmiPowerDriver(runner, new IpmiOptions()).QueryAsync(Context(new(s_basic) { ["k_g"] = "bad" }), Ct);
        Assert.Equal(PowerState.On, state);
        Assert.Contains("-k", runner.Invocations[0].Arguments);
        Assert.DoesNotContain("-k", runner.Invocations[1].Arguments);
    }

    [Theory]
    [InlineData("h: password invalid", PowerErrorKind.Auth, "Incorrect password.  Check BMC configuration and try again.")]
    [InlineData("h: connection timeout", PowerErrorKind.Connection, "Connection timed out while performing power action.  Check BMC configuration and connectivity and try again.")]
    [InlineData("h: ipmi 2.0 unavailable", PowerErrorKind.Setting, "IPMI 2.0 was not discovered on the BMC.  Please try to use IPMI 1.5 instead.")]
    [InlineData("h: BMC busy", PowerErrorKind.Connection, "Device busy while performing power action.  MAAS performed several retries.  Please wait and try again.")]
    public async Task Ipmipower_output_becomes_maas_error(string stdout, PowerErrorKind kind, string message)
    {
        var runner = new FakeProcessRunner(new ProcessResult(1, stdout, ""));
        PowerException error = await Assert.ThrowsAsync<PowerException>(() => new IpmiPowerDriver(runner, new IpmiOptions()).QueryAsync(Context(s_basic), Ct));
        Assert.Equal((kind, message), (error.Kind, error.Message));
    }

    [Fact]
    public async Task A_missing_tool_is_a_power_tool_error()
    {
        var driver = new IpmiPowerDriver(new MissingRunner(), new IpmiOptions());
        PowerException error = await Assert.ThrowsAsync<PowerException>(() => driver.QueryAsync(Context(s_basic), Ct));
        Assert.Equal(PowerErrorKind.Tool, error.Kind);
    }

    private sealed class MissingRunner : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(ProcessInvocation invocation, TimeSpan timeout, CancellationToken ct) =>
            throw new FileNotFoundException("missing", invocation.FileName);
    }
}
