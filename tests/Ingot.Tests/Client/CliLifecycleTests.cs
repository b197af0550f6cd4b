using System.Text.Json.Nodes;
using Ingot.Client;
using Ingot.Sim.Machines;
using Ingot.Tests.Sim;

namespace Ingot.Tests.Client;

/// <summary>
/// The standard life-cycle with the CLI alone, as an operator types it, against simulated machines that boot for
/// real (DHCP, TFTP, metadata API) behind virtual BMCs: login, enlistment, accept <c>--wait</c> (commissioning and testing), allocate,
/// deploy <c>--wait</c>, lock and unlock, release with erase <c>--wait</c>; and a commissioning that fails on an
/// injected script, whose <c>--wait</c> exits 5 with the event that explains it.
/// </summary>
public sealed class CliLifecycleTests(SimLabHost lab) : IClassFixture<SimLabHost>, IDisposable
{
    private static readonly TimeSpan s_waitLimit = TimeSpan.FromSeconds(90);

    private readonly string _profiles = Path.Combine(Directory.CreateTempSubdirectory("ingot-profiles-").FullName, "profiles.json");

    [Fact]
    public async Task An_operator_walks_a_machine_through_its_life_cycle_with_the_CLI_alone()
    {
        await LoginAsync();
        SimulatedDataCentre dc = await lab.StartAsync(1, "small");
        string mac = dc.Machines[0].Profile.BootMac;
        string id = await EnlistedAsync(mac);

        var (listed, table, listErr) = await RunAsync("lab", "machines", "read", $"mac_address={mac}");
        Assert.True(listed == 0, listErr);
        Assert.Matches($@"(?m)^HOSTNAME\s+SYSTEM ID\s+STATUS NAME\b.*\n\S+\s+{id}\s+New\b", table);

        var (commissioned, commissionOut, commissionErr) = await RunAsync("lab", "machines", "accept", $"machines={id}", "--wait");
        Assert.True(commissioned == ClientExitCodes.Ok, commissionOut + commissionErr);
        Assert.Matches($@"(?m)^{id}: \[[#-]+\]\s+(\d+%\s+)?Commissioning\b", commissionOut);
        Assert.EndsWith($"{id} is Ready\n", commissionOut, StringComparison.Ordinal);

        var (allocated, allocateOut, allocateErr) = await RunAsync("lab", "machines", "allocate", $"system_id={id}");
        Assert.True(allocated == ClientExitCodes.Ok, allocateErr);
        Assert.Matches(@"(?m)^status_name\s+Allocated$", allocateOut);
        Assert.Matches(@"(?m)^owner\s+admin$", allocateOut);
        Assert.DoesNotContain("hardware_info", allocateOut, StringComparison.Ordinal); // a machine's summary; --json has every field

        var (deployed, deployOut, deployErr) = await RunAsync("lab", "machine", "deploy", id, "--wait");
        Assert.True(deployed == ClientExitCodes.Ok, deployOut + deployErr);
        Assert.Matches(@"(?m)^status_name\s+Deploying$", deployOut);
        Assert.Matches($@"(?m)^{id}: \[[#-]+\]\s+Deploying\b", deployOut);
        Assert.EndsWith($"{id} is Deployed\n", deployOut, StringComparison.Ordinal);
        Assert.True(dc.Machines[0].HasInstalledSystem, "the installer wrote the system to the simulated disk");

        var (locked, lockOut, lockErr) = await RunAsync("lab", "machine", "lock", id);
        Assert.True(locked == ClientExitCodes.Ok, lockErr);
        Assert.Matches(@"(?m)^locked\s+true$", lockOut);
        var (refused, _, refusedErr) = await RunAsync("lab", "machine", "release", id, "--wait");
        Assert.Equal(ClientExitCodes.Refused, refused);
        Assert.Matches(@"^4\d\d ", refusedErr);
        Assert.Equal("Deployed", await StatusAsync(id));
        var (unlocked, unlockOut, unlockErr) = await RunAsync("lab", "machine", "unlock", id);
        Assert.True(unlocked == ClientExitCodes.Ok, unlockErr);
        Assert.Matches(@"(?m)^locked\s+false$", unlockOut);

        var (released, releaseOut, releaseErr) = await RunAsync("lab", "machine", "release", id, "erase=true", "--wait");
        Assert.True(released == ClientExitCodes.Ok, releaseOut + releaseErr);
        Assert.Matches($@"(?m)^{id}: \[[#-]+\]\s+Disk erasing\b", releaseOut);
        Assert.EndsWith($"{id} is Ready\n", releaseOut, StringComparison.Ordinal);
        Assert.Empty(releaseErr);
    }

    [Fact]
    public async Task A_commissioning_script_that_fails_makes_wait_exit_5_with_the_event_and_the_script()
    {
        await LoginAsync();
        SimulatedDataCentre dc = await lab.StartAsync(1, "small", (1, new MachineFailure(FailureKind.Script, "maas-lshw")));
        string id = await EnlistedAsync(dc.Machines[0].Profile.BootMac);

        var (code, output, err) = await RunAsync("lab", "machine", "commission", id, "--wait");

        Assert.True(code == ClientExitCodes.ActionFailed, output + err);
        Assert.Matches($@"(?m)^{id}: \[[#-]+\]\s+(\d+%\s+)?Commissioning\b", output);
        Assert.DoesNotContain($"{id} is Ready", output, StringComparison.Ordinal);
        Assert.StartsWith($"ingot: {id} is Failed commissioning: ", err, StringComparison.Ordinal);
        Assert.Contains("failed scripts: maas-lshw (Failed, exit status 1)", err, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_profiles)!, recursive: true);

    /// <summary>Runs <c>ingot ARGS</c> and writes the command, its output and its exit code to the test's output (a transcript).</summary>
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        (int Code, string Out, string Err) result = await ClientServer.RunAsync(_profiles, args, waitLimit: s_waitLimit);
        string shown = string.Join(' ', args.Select(a => a == lab.Ingot.ApiKey ? "$KEY" : a));
        TestContext.Current.TestOutputHelper?.WriteLine($"$ ingot {shown}\n{result.Out}{result.Err}[exit {result.Code}]");
        return result;
    }

    private async Task LoginAsync()
    {
        var (code, output, err) = await RunAsync("login", "lab", $"{lab.Ingot.Url}MAAS/", lab.Ingot.ApiKey);
        Assert.True(code == 0, err);
        Assert.Contains("You are now logged in", output, StringComparison.Ordinal);
    }

    /// <summary>Reads the machines with the sim's MAC through the CLI (bounded) until it has enlisted; its system ID.</summary>
    private async Task<string> EnlistedAsync(string mac)
    {
        long started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < s_waitLimit)
        {
            var (code, json, err) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "read", $"mac_address={mac}", "--json"]);
            Assert.True(code == 0, err);
            if (JsonNode.Parse(json)!.AsArray() is [{ } machine] && machine["status_name"]!.GetValue<string>() == "New")
            {
                return machine["system_id"]!.GetValue<string>();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{mac} did not enlist within {s_waitLimit.TotalSeconds} s");
    }

    private async Task<string> StatusAsync(string id)
    {
        var (code, json, err) = await RunAsync("lab", "machine", "read", id, "--json");
        Assert.True(code == 0, err);
        return JsonNode.Parse(json)!["status_name"]!.GetValue<string>();
    }
}
