using System.Diagnostics;
using Ingot.Core.NetworkConfig;

namespace Ingot.Core.Tests.NetworkConfig;

/// <summary>
/// The rendered documents read by the real tools: <c>netplan generate --root-dir</c> (Debian's netplan.io) on the
/// netplan YAML, and cloud-init's own network-state parser and netplan renderer (the unpacked cloud-init of
/// scripts/install-test-packages.sh) on the version 1 config, whose netplan output netplan then checks as well.
/// </summary>
public sealed class NetworkValidationTests : IDisposable
{
    private const string CloudInitRoot = "/opt/ingot-test/cloud-init-root";

    private readonly string _dir = Directory.CreateTempSubdirectory("ingot-storage-net-").FullName;

    public static TheoryData<string> Networks => ["simple", "bond-bridge-vlan"];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(Networks))]
    public async Task Netplan_generate_accepts_the_netplan_yaml(string name)
    {
        string netplan = Tool("/usr/sbin/netplan", "netplan.io");
        string root = Path.Combine(_dir, "root");
        Directory.CreateDirectory(Path.Combine(root, "etc/netplan"));
        string file = Path.Combine(root, "etc/netplan/50-ingot.yaml");
        await File.WriteAllTextAsync(file, NetplanConfig.Render(Of(name)), TestContext.Current.CancellationToken);
        (int exit, string output) = await RunAsync(netplan, null, "generate", "--root-dir", root);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("Error", output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(root, "run/systemd/network")));
    }

    [Fact]
    public async Task Netplan_generate_refuses_a_broken_document_so_the_check_can_fail()
    {
        string netplan = Tool("/usr/sbin/netplan", "netplan.io");
        string root = Path.Combine(_dir, "broken");
        Directory.CreateDirectory(Path.Combine(root, "etc/netplan"));
        string file = Path.Combine(root, "etc/netplan/50-ingot.yaml");
        string yaml = NetplanConfig.Render(NetworkMachines.BondBridgeVlan()).Replace("link: bond0", "link: nosuch0", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, yaml, TestContext.Current.CancellationToken);
        (int exit, _) = await RunAsync(netplan, null, "generate", "--root-dir", root);
        Assert.NotEqual(0, exit);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public async Task Cloud_init_parses_the_version_1_config_and_netplan_accepts_what_it_renders_from_it(string name)
    {
        string packages = Path.Combine(Environment.GetEnvironmentVariable("INGOT_CLOUD_INIT_ROOT") ?? CloudInitRoot, "usr/lib/python3/dist-packages");
        if (!Directory.Exists(Path.Combine(packages, "cloudinit")))
        {
            Assert.Skip($"cloud-init is not unpacked in {packages}: run scripts/install-test-packages.sh");
        }

        string input = Path.Combine(_dir, "network-config.yaml");
        await File.WriteAllTextAsync(input, CloudInitNetworkV1.Render(Of(name)), TestContext.Current.CancellationToken);
        string output = Path.Combine(_dir, "converted");
        (int exit, string log) = await RunAsync("/usr/bin/python3", packages, "-c", ConvertScript, input, output);
        Assert.True(exit == 0, log);
        string rendered = Directory.GetFiles(output, "*.yaml", SearchOption.AllDirectories).Single();
        string text = await File.ReadAllTextAsync(rendered, TestContext.Current.CancellationToken);
        Assert.Contains(name == "simple" ? "10.10.0.50/24" : "10.20.0.70/24", text, StringComparison.Ordinal);

        string netplan = Tool("/usr/sbin/netplan", "netplan.io");
        string root = Path.Combine(_dir, "from-cloud-init");
        Directory.CreateDirectory(Path.Combine(root, "etc/netplan"));
        File.Copy(rendered, Path.Combine(root, "etc/netplan/50-cloud-init.yaml"));
        (int generated, string generateLog) = await RunAsync(netplan, null, "generate", "--root-dir", root);
        Assert.True(generated == 0, generateLog);
    }

    /// <summary>cloud-init's strict parse of the config (a broken entry raises) and its netplan renderer, without running netplan.</summary>
    private const string ConvertScript = """
        import sys, yaml
        from cloudinit.net import network_state, netplan
        config = yaml.safe_load(open(sys.argv[1]))["network"]
        state = network_state.parse_net_config_data(config, skip_broken=False)
        netplan.Renderer(config={"postcmds": False}).render_network_state(state, target=sys.argv[2])
        """;

    private static DeployedNetwork Of(string name) => name == "simple" ? NetworkMachines.Simple() : NetworkMachines.BondBridgeVlan();

    private static string Tool(string path, string package)
    {
        if (!File.Exists(path))
        {
            Assert.Skip($"{path} is missing: install Debian's {package} (scripts/install-test-packages.sh)");
        }

        return path;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string? pythonPath, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (pythonPath is not null)
        {
            start.Environment["PYTHONPATH"] = pythonPath;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
