using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Agent;

/// <summary>
/// The ephemeral agent (<c>run-scripts.sh</c>, <c>maas-api.sh</c>) runs for real with busybox against an
/// Ingot host, as in the image: it commissions a machine whose user scripts prove the <c>parallel</c>
/// groups by meeting each other (markers in a shared folder), bounded by <c>INGOT_MAX_PARALLEL</c>, and it
/// fetches <c>maas-scripts</c> again after the commissioning results so that the <c>for_hardware</c>
/// script the region adds for the hardware found runs too. The built-ins run as well, with
/// <c>machine-resources</c> and <c>lshw</c> replaced by files that print a qemu VM's documents.
/// </summary>
public sealed class AgentScriptRunTests(ApiHost host) : IClassFixture<ApiHost>, IDisposable
{
    private const string Tag = "agent-run";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("ingot-agent-run-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _work.Delete(recursive: true);

    private static string Script(string name, string metadata, string body) =>
        $"#!/bin/sh\n# --- Start MAAS 1.0 script metadata ---\n# name: {name}\n# script_type: commissioning\n# tags: [{Tag}]\n{metadata}\n# --- End MAAS 1.0 script metadata ---\n{body}";

    // Waits (bounded) until another script of its kind runs or ran, notes how many ran at once, fails alone.
    private static string MeetPeers(string kind, string me) => $$"""
        D=$INGOT_TEST_MARKERS; me={{me}}
        touch "$D/running.{{kind}}.$me"
        i=0; peers=0
        while [ $i -lt 200 ]; do
            peers=$(ls "$D" | grep -v "^running\.{{kind}}\.$me\$" | grep -c -e '^running\.{{kind}}\.' -e '^done\.{{kind}}\.')
            [ "$peers" -gt 0 ] && break
            sleep 0.1; i=$((i + 1))
        done
        sleep 0.3
        ls "$D" | grep -c '^running\.' >> "$D/concurrency"
        rm "$D/running.{{kind}}.$me"; touch "$D/done.{{kind}}.$me"
        echo "peers=$peers"
        [ "$peers" -gt 0 ]
        """;

    private const string Alone = """
        D=$INGOT_TEST_MARKERS
        before=$(ls "$D" | grep -c '^running\.')
        sleep 0.5
        after=$(ls "$D" | grep -c '^running\.')
        echo "alongside before=$before after=$after"
        [ "$before" -eq 0 ] && [ "$after" -eq 0 ]
        """;

    [Fact]
    public async Task The_agent_runs_parallel_groups_bounded_and_runs_for_hardware_scripts_added_after_the_commissioning_results()
    {
        AgentShell.SkipWithoutBusybox();
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        string[] scripts =
        [
            Script("agent-solo", "# parallel: disabled", Alone),
            Script("agent-any-1", "# parallel: any", MeetPeers("any", "1")),
            Script("agent-any-2", "# parallel: any", MeetPeers("any", "2")),
            Script("agent-any-3", "# parallel: any", MeetPeers("any", "3")),
            Script("agent-per-disk", "# parallel: instance\n# hardware_type: storage\n# parameters: {storage: {type: storage}}", MeetPeers("disk", "$$")),
            Script("agent-late", "# for_hardware: ['system_vendor:QEMU']", "echo late for $INGOT_TEST_MARKERS\n"),
        ];
        foreach (string text in scripts)
        {
            using var added = await api.PostAsync("MAAS/api/2.0/scripts/", MaasMultipart.Build([("script", Encoding.UTF8.GetBytes(text), "script")]), Ct);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        Machine machine = await host.MachineAsync(admin, commissioning: false);
        machine.BlockDevices.Add(new BlockDevice { Name = "vda", Model = "QEMU", Serial = "agent-0", IdPath = "/dev/disk/by-id/virtio-agent-0", SizeBytes = 8L << 30 });
        machine.BlockDevices.Add(new BlockDevice { Name = "vdb", Model = "QEMU", Serial = "agent-1", IdPath = "/dev/disk/by-id/virtio-agent-1", SizeBytes = 8L << 30 });
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, Ct);
        using var commission = await api.PostAsync(
            $"MAAS/api/2.0/machines/{machine.SystemId}/?op=commission",
            new FormUrlEncodedContent([new("commissioning_scripts", Tag), new("testing_scripts", "none"), new("skip_bmc_config", "true")]),
            Ct);
        Assert.Equal(HttpStatusCode.OK, commission.StatusCode);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray first, _) = await node.ScriptsAsync("commissioning");
        Assert.DoesNotContain(first, e => e!["name"]!.GetValue<string>() == "agent-late"); // nothing is known of the hardware yet

        (int exit, string console, string errors) = await AgentShell.RunAsync(
            ". ./maas-api.sh && . ./run-scripts.sh && say() { echo \"INGOT-EPHEMERAL: $*\"; } && run_scripts_from_metadata",
            AgentEnvironment(node.ApiKey),
            TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"the agent failed ({exit}):\n{console}\n{errors}");
        string[] lines = console.Split('\n');
        int round2 = Array.FindIndex(lines, l => l.Contains("commissioning scripts added after the results (round 2)", StringComparison.Ordinal));
        Assert.True(round2 > 0, console);
        Assert.Contains(lines.Skip(round2), l => l.Contains("starting agent-late", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Take(round2), l => l.Contains("starting agent-late", StringComparison.Ordinal));

        int[] concurrency = [.. File.ReadAllLines(Path.Combine(_work.FullName, "markers", "concurrency")).Select(int.Parse)];
        Assert.Equal(5, concurrency.Length); // three "any" scripts and two disk instances
        Assert.All(concurrency, n => Assert.InRange(n, 1, 2)); // INGOT_MAX_PARALLEL=2
        Assert.Contains(2, concurrency);

        JsonNode results = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/results/current-commissioning/?include_output=1", Ct))!;
        JsonNode[] all = [.. results["results"]!.AsArray().Select(r => r!)];
        Assert.All(all.Where(r => r["name"]!.GetValue<string>() != "30-maas-01-bmc-config"), r => Assert.Equal((r["name"]!.GetValue<string>(), "Passed"), (r["name"]!.GetValue<string>(), r["status_name"]!.GetValue<string>())));
        Assert.Equal(2, all.Count(r => r["name"]!.GetValue<string>() == "agent-per-disk"));
        Assert.Equal("alongside before=0 after=0\n", Stdout(all.Single(r => r["name"]!.GetValue<string>() == "agent-solo")));
        Assert.Equal("peers=1\n", Stdout(all.Single(r => r["name"]!.GetValue<string>() == "agent-any-1")));
        Assert.Contains("late for", Stdout(all.Single(r => r["name"]!.GetValue<string>() == "agent-late")), StringComparison.Ordinal);
        Assert.Equal(MachineStatus.Ready, (await host.ReloadAsync(machine.SystemId)).Status);
    }

    private static string Stdout(JsonNode result) => Encoding.UTF8.GetString(Convert.FromBase64String(result["stdout"]!.GetValue<string>()));

    /// <summary>Busybox's applets first on PATH (as in the image), fake machine-resources and lshw, the credentials.</summary>
    private Dictionary<string, string> AgentEnvironment(string apiKey)
    {
        string bin = Directory.CreateDirectory(Path.Combine(_work.FullName, "bin")).FullName;
        Directory.CreateDirectory(Path.Combine(_work.FullName, "markers"));
        Directory.CreateDirectory(Path.Combine(_work.FullName, "run"));
        foreach (string applet in new[] { "wget", "awk", "sed", "tar", "timeout", "tee", "mkfifo", "od", "cut", "tr", "wc", "head", "tail", "grep", "ls", "find", "sort", "nproc", "sleep", "touch", "cat", "rm", "mkdir", "chmod", "date", "basename", "uname" })
        {
            File.CreateSymbolicLink(Path.Combine(bin, applet), AgentShell.Busybox);
        }

        string fixture = Path.Combine(AppContext.BaseDirectory, "Inventory", "Fixtures", "qemu-vm.json");
        Executable(Path.Combine(bin, "machine-resources"), $"#!/bin/sh\ncat '{fixture}'\n");
        Executable(Path.Combine(bin, "lshw"), "#!/bin/sh\necho '<?xml version=\"1.0\" standalone=\"yes\" ?><list><node id=\"agent-test\" class=\"system\"></node></list>'\n");
        string[] key = apiKey.Split(':');
        return new Dictionary<string, string>
        {
            ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}",
            ["INGOT_AGENT_DIR"] = AgentShell.AgentDirectory,
            ["INGOT_RUN_DIR"] = Path.Combine(_work.FullName, "run"),
            ["INGOT_MAX_PARALLEL"] = "2",
            ["INGOT_TEST_MARKERS"] = Path.Combine(_work.FullName, "markers"),
            ["METADATA_URL"] = new Uri(host.BaseAddress, "MAAS/metadata/").ToString(),
            ["CONSUMER_KEY"] = key[0],
            ["TOKEN_KEY"] = key[1],
            ["TOKEN_SECRET"] = key[2],
        };
    }

    private static void Executable(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
