using System.Diagnostics;
using System.Text.Json;
using Ingot.Core.Power;
using Ingot.Core.Scripts;
using Ingot.Power.Ipmi;
using Ingot.Power.Processes;

namespace Ingot.Power.Tests.Ipmi;

/// <summary>
/// The ephemeral environment's BMC script (<see cref="BmcConfigScript"/>) against a real ipmi_sim: there
/// is no in-band IPMI device here, so the script's ipmitool commands go to the sim over lanplus as its
/// admin; then Ingot's ipmi driver powers the machine with the credentials the script reported.
/// </summary>
public sealed class BmcConfigScriptTests
{
    private static readonly IpmiPowerDriver s_driver = new(new ProcessRunner(), new IpmiOptions { SessionTimeout = TimeSpan.FromSeconds(2) });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_script_creates_the_ingot_user_and_the_ipmi_driver_powers_the_machine_with_it()
    {
        await using IpmiTestBmc bmc = await IpmiTestBmc.StartAsync(Ct);
        RequireIpmitool();
        using JsonDocument report = await RunScriptAsync(bmc);
        Assert.Equal("ipmi", report.RootElement.GetProperty("power_type").GetString());
        Dictionary<string, string> parameters = Parameters(report);
        Assert.Equal("ingot", parameters["power_user"]);
        Assert.Equal(bmc.Bmc.PowerAddress, parameters["power_address"]);
        Assert.Matches("^[A-Za-z0-9]{16}$", parameters["power_pass"]);
        Assert.NotEqual(bmc.Bmc.Options.Password, parameters["power_pass"]);

        var context = new PowerContext("enlisted", IpmiSchema.Schema, parameters);
        await s_driver.PowerOnAsync(context, Ct);
        Assert.True(bmc.IsOn);
        Assert.Equal(["pxe"], bmc.Boots);
        Assert.Equal(PowerState.On, await s_driver.QueryAsync(context, Ct));
    }

    [Fact]
    public async Task A_second_run_takes_over_the_ingot_user_and_the_old_password_stops_working()
    {
        await using IpmiTestBmc bmc = await IpmiTestBmc.StartAsync(Ct);
        RequireIpmitool();
        using JsonDocument first = await RunScriptAsync(bmc);
        using JsonDocument second = await RunScriptAsync(bmc);
        Dictionary<string, string> before = Parameters(first), after = Parameters(second);
        Assert.NotEqual(before["power_pass"], after["power_pass"]);
        string users = await IpmitoolAsync(bmc, "user", "list", "1");
        Assert.Single(users.Split('\n'), line => line.Length > 4 && line[4..].TrimEnd().StartsWith("ingot ", StringComparison.Ordinal));

        Assert.Equal(PowerState.Off, await s_driver.QueryAsync(new PowerContext("enlisted", IpmiSchema.Schema, after), Ct));
        PowerException refused = await Assert.ThrowsAsync<PowerException>(
            () => s_driver.QueryAsync(new PowerContext("enlisted", IpmiSchema.Schema, before), Ct));
        Assert.Equal(PowerErrorKind.Auth, refused.Kind);
    }

    private static Dictionary<string, string> Parameters(JsonDocument report) =>
        report.RootElement.GetProperty("power_parameters").Deserialize<Dictionary<string, string>>()!;

    private static void RequireIpmitool()
    {
        if (Tools.Find("ipmitool") is null)
        {
            Assert.Skip("ipmitool is not installed");
        }
    }

    private static string[] Lanplus(IpmiTestBmc bmc) =>
        ["ipmitool", "-I", "lanplus", "-H", bmc.Bmc.Options.Address, "-p", bmc.Bmc.Options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "-U", bmc.Bmc.Options.User, "-P", bmc.Bmc.Options.Password, "-C", "3"];

    private static async Task<JsonDocument> RunScriptAsync(IpmiTestBmc bmc)
    {
        string script = Path.Combine(bmc.Bmc.Directory, "bmc-config.sh");
        string result = Path.Combine(bmc.Bmc.Directory, "bmc-config.yaml");
        await File.WriteAllTextAsync(script, BmcConfigScript.Text, Ct);
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.Environment["IPMITOOL"] = string.Join(' ', Lanplus(bmc));
        start.Environment["BMC_ADDRESS"] = bmc.Bmc.PowerAddress;
        start.Environment["RESULT_PATH"] = result;
        (int code, string stdout, string stderr) = await RunAsync(start);
        Assert.True(code == 0, $"the BMC script failed ({code}): {stderr}");
        Assert.StartsWith("power_type: ipmi\npower_parameters: {", await File.ReadAllTextAsync(result, Ct), StringComparison.Ordinal);
        return JsonDocument.Parse(stdout);
    }

    private static async Task<string> IpmitoolAsync(IpmiTestBmc bmc, params string[] args)
    {
        string[] command = Lanplus(bmc);
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in command.Skip(1).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        (int code, string stdout, string stderr) = await RunAsync(start);
        Assert.True(code == 0, $"ipmitool {string.Join(' ', args)} failed ({code}): {stderr}");
        return stdout;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start)
    {
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(Ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
