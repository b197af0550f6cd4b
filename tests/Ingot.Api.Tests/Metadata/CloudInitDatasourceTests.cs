using System.Diagnostics;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Metadata;

/// <summary>
/// cloud-init's own MAAS datasource (Debian's <c>cloud-init</c>, unpacked by
/// scripts/install-test-packages.sh into /opt/ingot-test/cloud-init-root) reading Ingot's metadata API
/// with the credentials of a commissioning machine's preseed.
/// </summary>
public sealed class CloudInitDatasourceTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string DefaultRoot = "/opt/ingot-test/cloud-init-root";

    [Fact]
    public async Task CheckSeedAndCrawlSucceedWithTheMachinesCredentials()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        string url = $"{host.BaseAddress}MAAS/metadata/";

        (int seedExit, string seedOutput) = await RunAsync(node.ApiKey, "check-seed", url);
        Assert.True(seedExit == 0, seedOutput);
        Assert.Contains(machine.SystemId, seedOutput, StringComparison.Ordinal);
        Assert.Contains($"{machine.Hostname}.maas", seedOutput, StringComparison.Ordinal);

        (int crawlExit, string crawlOutput) = await RunAsync(node.ApiKey, "crawl", $"{url}2012-03-01/");
        Assert.True(crawlExit == 0, crawlOutput);
        Assert.Contains(machine.SystemId, crawlOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckSeedFailsWithCredentialsThatAreNoMachines()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string url = $"{host.BaseAddress}MAAS/metadata/";

        (int userExit, string userOutput) = await RunAsync(admin.ApiKey, "check-seed", url);
        Assert.True(userExit != 0, userOutput);
        Assert.Contains("403", userOutput, StringComparison.Ordinal);

        (int forgedExit, string forgedOutput) = await RunAsync("a:b:c", "check-seed", url);
        Assert.True(forgedExit != 0, forgedOutput);
        Assert.Contains("401", forgedOutput, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string apiKey, string command, string url)
    {
        string root = Environment.GetEnvironmentVariable("INGOT_CLOUD_INIT_ROOT") ?? DefaultRoot;
        string packages = Path.Combine(root, "usr/lib/python3/dist-packages");
        Assert.True(Directory.Exists(Path.Combine(packages, "cloudinit")), $"cloud-init is not unpacked in {root}: run scripts/install-test-packages.sh");
        string[] key = apiKey.Split(':');
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PYTHONPATH"] = packages },
        };
        foreach (string argument in (string[])["-m", "cloudinit.sources.DataSourceMAAS", "--ckey", key[0], "--tkey", key[1], "--tsec", key[2], command, url])
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
