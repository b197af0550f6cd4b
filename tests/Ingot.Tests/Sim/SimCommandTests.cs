using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Ingot.Commands;
using Ingot.Sim.Machines;

namespace Ingot.Tests.Sim;

/// <summary>
/// <c>ingot sim</c>'s options: every wrong value is a usage error (exit 2) that names it, given before anything is
/// sent to Ingot (a listener at <c>--url</c> sees no connection); and the options given take effect against a real
/// Ingot (the machines' number, profile, failures and BMC type are what Ingot enlists).
/// </summary>
public sealed class SimCommandTests(SimLabHost lab) : IClassFixture<SimLabHost>
{
    private const string Key = "consumer:token:secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Help_names_the_machines_profile_failures_and_bmc_options()
    {
        var (code, stdout, _) = await RunAsync(["sim", "--help"], Ct);

        Assert.Equal(0, code);
        Assert.StartsWith("usage: ingot sim", stdout, StringComparison.Ordinal);
        foreach (string option in new[] { "--machines N", "--profile P", "--failures SPEC", "--bmc TYPE", "redfish", "ipmi", "--key KEY", "--url URL" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--machines '0' is not a whole number from 1 to 100000", "--machines", "0")]
    [InlineData("--machines 'many' is not a whole number from 1 to 100000", "--machines", "many")]
    [InlineData("--machines '100001' is not a whole number from 1 to 100000", "--machines", "100001")]
    [InlineData("--profile 'huge' is not one of mixed, small, standard, large, timing", "--profile", "huge")]
    [InlineData("--failures '3=melt': unknown failure", "--failures", "3=melt")]
    [InlineData("--failures '1=script:': unknown failure", "--failures", "1=script:")]
    [InlineData("--failures '13=disk': expected N=KIND", "--failures", "13=disk")]
    [InlineData("--failures '0=hang': expected N=KIND", "--failures", "0=hang")]
    [InlineData("--failures 'disk': expected N=KIND", "--failures", "disk")]
    [InlineData("--bmc 'serial' is not redfish or ipmi", "--bmc", "serial")]
    [InlineData("--loopback-boot '6767' is not DHCP_PORT,TFTP_PORT", "--loopback-boot", "6767")]
    [InlineData("--loopback-boot '6767,70000' is not DHCP_PORT,TFTP_PORT", "--loopback-boot", "6767,70000")]
    [InlineData("--image 'ingot' is not OS/SERIES", "--image", "ingot")]
    [InlineData("--first '0' is not a whole number", "--first", "0")]
    [InlineData("--key is not an API key", "--key", "not-a-key")]
    [InlineData("--netns needs --subnet", "--netns", "rack0")]
    [InlineData("--subnet '10.0.77.5/24' is not an IPv4 network", "--netns", "rack0", "--subnet", "10.0.77.5/24")]
    [InlineData("--subnet 'fd00::/64' is not an IPv4 network", "--netns", "rack0", "--subnet", "fd00::/64")]
    [InlineData("--subnet '10.0.0.0/30' is not an IPv4 network", "--netns", "rack0", "--subnet", "10.0.0.0/30")]
    [InlineData("--subnet needs --netns", "--subnet", "10.0.77.0/24")]
    [InlineData("--netns-link needs --netns", "--netns-link", "eth0")]
    [InlineData("--netns and --loopback-boot exclude each other", "--netns", "rack0", "--subnet", "10.0.77.0/24", "--loopback-boot", "6767,6969")]
    public async Task A_wrong_value_is_a_usage_error_naming_it_and_nothing_is_sent_to_Ingot(string expected, params string[] option)
    {
        using var ingot = new TcpListener(IPAddress.Loopback, 0);
        ingot.Start();
        string url = $"http://127.0.0.1:{((IPEndPoint)ingot.LocalEndpoint).Port}/";
        var args = new List<string> { "sim", "--url", url };
        args.AddRange(option[0] == "--key" ? [] : ["--key", Key]);
        args.AddRange(option[0] == "--machines" ? [] : ["--machines", "12"]);
        args.AddRange(option);

        var (code, stdout, stderr) = await RunAsync([.. args], Ct);

        Assert.Equal(IngotCommandLine.Usage, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'ingot sim --help' for its options.", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(ingot.Pending(), "ingot sim connected to Ingot before rejecting its command line");
    }

    [Theory]
    [InlineData("--url 'not a url' is not an http(s) URL", "--url", "not a url")]
    [InlineData("--url 'ftp://127.0.0.1/' is not an http(s) URL", "--url", "ftp://127.0.0.1/")]
    [InlineData("--key (or $INGOT_API_KEY) is required")]
    public async Task A_wrong_url_or_a_missing_key_is_a_usage_error(string expected, params string[] option)
    {
        if (option.Length == 0 && Environment.GetEnvironmentVariable(SimCommand.KeyVariable) is not null)
        {
            Assert.Skip($"${SimCommand.KeyVariable} is set in this environment");
        }

        string[] key = option.Length == 0 ? [] : ["--key", Key];
        var (code, stdout, stderr) = await RunAsync(["sim", .. option, .. key], Ct);

        Assert.Equal(IngotCommandLine.Usage, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task An_Ingot_that_does_not_answer_is_a_clear_error_not_a_crash()
    {
        int port;
        using (var closed = new TcpListener(IPAddress.Loopback, 0))
        {
            closed.Start();
            port = ((IPEndPoint)closed.LocalEndpoint).Port;
        }

        var (code, stdout, stderr) = await RunAsync(["sim", "--url", $"http://127.0.0.1:{port}/", "--key", Key, "--machines", "1"], Ct);

        Assert.Equal(IngotCommandLine.Failure, code);
        Assert.StartsWith($"ingot sim: could not set up the simulated machines' subnet through Ingot's API at http://127.0.0.1:{port}/: ", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task The_machines_enlist_with_the_number_profile_failures_and_BMC_given()
    {
        const int first = 700;
        string[] args =
        [
            "sim", "--url", lab.Ingot.Url.ToString(), "--key", lab.Ingot.ApiKey,
            "--loopback-boot", $"{lab.Ingot.Network.Dhcp.Port},{lab.Ingot.Network.Tftp.Port}",
            "--machines", "2", "--first", $"{first}", "--profile", "small", "--bmc", "redfish", "--failures", "2=bmc",
        ];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var output = new StringWriter();
        TextWriter stdout = TextWriter.Synchronized(output);
        Task<int> sim = IngotCommandLine.RunAsync(args, stdout, TextWriter.Null, stop.Token);
        try
        {
            HardwareProfile healthy = HardwareProfiles.Small(first);
            HardwareProfile deadBmc = HardwareProfiles.Small(first + 1);
            JsonNode one = await EnlistedAsync(healthy.BootMac, sim);
            JsonNode two = await EnlistedAsync(deadBmc.BootMac, sim);

            Assert.Equal((healthy.CpuCount, healthy.MemoryMiB, "redfish"), (one["cpu_count"]!.GetValue<int>(), one["memory"]!.GetValue<long>(), one["power_type"]!.GetValue<string>()));
            Assert.Equal((deadBmc.CpuCount, "redfish"), (two["cpu_count"]!.GetValue<int>(), two["power_type"]!.GetValue<string>()));
            string healthyBmc = (await lab.Api.GetAsync($"machines/{one["system_id"]}/?op=power_parameters", Ct))!["power_address"]!.GetValue<string>();
            string failedBmc = (await lab.Api.GetAsync($"machines/{two["system_id"]}/?op=power_parameters", Ct))!["power_address"]!.GetValue<string>();
            Assert.NotEqual(SimulatedDataCentre.DeadBmcAddress, healthyBmc);
            Assert.Equal(SimulatedDataCentre.DeadBmcAddress, failedBmc);
            // The command prints each machine's activity on a one-second tick: a machine may enlist before the first.
            string printed = "";
            for (int attempt = 0; attempt < 100 && !printed.Contains($"sim-{first} {healthy.BootMac}: ", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(100, Ct);
                lock (stdout)
                {
                    printed = output.ToString();
                }
            }

            Assert.StartsWith("2 simulated machines (small), Redfish BMC at http://127.0.0.1:", printed, StringComparison.Ordinal);
            Assert.Contains($"sim-{first} {healthy.BootMac}: ", printed, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(IngotCommandLine.Ok, await sim.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    /// <summary>Polls (bounded) until Ingot has a machine with this MAC in NEW; fails at once if the command ended.</summary>
    private async Task<JsonNode> EnlistedAsync(string mac, Task<int> sim)
    {
        long started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(120))
        {
            if (sim.IsCompleted)
            {
                Assert.Fail($"ingot sim ended early with exit {await sim}");
            }

            if (await lab.FindAsync(mac) is { } machine && machine["status_name"]!.GetValue<string>() == "New")
            {
                return machine;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        throw new TimeoutException($"{mac} did not enlist within 120 s");
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args, CancellationToken ct)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await IngotCommandLine.RunAsync(args, stdout, stderr, ct);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
