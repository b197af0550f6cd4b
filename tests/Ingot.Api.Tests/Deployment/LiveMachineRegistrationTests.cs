using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;
using Ingot.Core.Registration;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// Adding a live machine: a machine created with <c>deployed=true</c>, then its registration command
/// run for real inside a network namespace standing in for the running host, in a mount namespace
/// where every filesystem is read-only (so a write would fail the script). Its real /proc and /sys data
/// arrive; the token works once; a fresh command refreshes the hardware.
/// </summary>
public sealed class LiveMachineRegistrationTests(LiveMachineRegistrationTests.Host host) : IClassFixture<LiveMachineRegistrationTests.Host>
{
    /// <summary>Listens on every address, so that the namespace reaches it through its veth.</summary>
    public sealed class Host() : ApiHost(null, "http://0.0.0.0:0");

    /// <summary>Makes every mount of a private mount namespace read-only, proves it, then runs the command.</summary>
    private const string ReadOnlySandbox = """
        for m in $(awk '{print $2}' /proc/self/mounts | sort -u); do mount -o remount,bind,ro "$m" 2>/dev/null || true; done
        if touch /ingot-write-probe 2>/dev/null || touch /tmp/ingot-write-probe 2>/dev/null; then echo 'the sandbox is writable'; exit 97; fi
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> CommandAsync(ApiUser admin, string systemId, string hostAddress)
    {
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode answer = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{systemId}/?op=get_registration_command", Ct))!;
        var url = new Uri(answer["url"]!.GetValue<string>());
        Assert.Equal($"curl -fsSL {url} | sudo sh", answer["command"]!.GetValue<string>());
        return $"curl -fsSL http://{hostAddress}:{host.BaseAddress.Port}{url.AbsolutePath} | sh";
    }

    private static Task<(int ExitCode, string Output)> RunInLiveHostAsync(LiveHostNamespace ns, string command) =>
        ns.ShellAsync($"exec unshare --mount --propagation private sh -c '{(ReadOnlySandbox + "\n" + command).Replace("'", "'\\''", StringComparison.Ordinal)}'");

    [Fact]
    public async Task The_registration_script_reports_the_live_hosts_proc_and_sys_data_once_per_token_and_writes_nothing()
    {
        if (!LiveHostNamespace.Available)
        {
            Assert.Skip("Needs root and iproute2's ip to make a network namespace standing in for the live machine.");
        }

        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        using HttpResponseMessage created = await api.PostAsync("MAAS/api/2.0/machines/", MaasMultipart.Build(("architecture", "amd64"), ("deployed", "true"), ("hostname", "live-" + Guid.NewGuid().ToString("N")[..6])), Ct);
        string sid = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["system_id"]!.GetValue<string>();
        string mac = MachineSeeds.RandomMac().ToString();

        await using LiveHostNamespace ns = await LiveHostNamespace.CreateAsync(mac);
        string command = await CommandAsync(admin, sid, ns.HostAddress);
        (int exit, string output) = await RunInLiveHostAsync(ns, command);
        Assert.True(exit == 0, $"registration failed ({exit}): {output}");
        Assert.Contains("OK", output, StringComparison.Ordinal);

        Machine machine = await host.ReloadAsync(sid);
        Assert.Equal(MachineStatus.Deployed, machine.Status);
        Assert.Equal(admin.Username, machine.Owner);
        Assert.Contains(machine.Interfaces, i => i.Name == "eth0" && i.MacAddress.ToString() == mac);
        string[] cpuinfo = await File.ReadAllLinesAsync("/proc/cpuinfo", Ct);
        Assert.Equal(cpuinfo.Count(l => l.StartsWith("processor", StringComparison.Ordinal)), machine.CpuCount);
        long memTotalKib = long.Parse((await File.ReadAllLinesAsync("/proc/meminfo", Ct)).First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(memTotalKib / 1024, machine.Memory);
        Assert.Single(await host.EventsAsync(admin, sid), e => e.Description == MachineRegistration.Registered);

        // The same URL works once: curl gets 404 and nothing is reported.
        (_, string refused) = await RunInLiveHostAsync(ns, command);
        Assert.Contains("404", refused, StringComparison.Ordinal);
        Assert.Single(await host.EventsAsync(admin, sid), e => e.Description == MachineRegistration.Registered);

        // A fresh command refreshes the hardware (MAAS's hardware sync).
        (int refresh, string refreshOutput) = await RunInLiveHostAsync(ns, await CommandAsync(admin, sid, ns.HostAddress));
        Assert.True(refresh == 0, refreshOutput);
        Assert.Equal(2, (await host.EventsAsync(admin, sid)).Count(e => e.Description == MachineRegistration.Registered));
    }
}
