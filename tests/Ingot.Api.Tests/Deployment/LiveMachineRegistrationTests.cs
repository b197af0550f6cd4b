using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Registration;
using Ingot.Core.Scripts;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// Adding a live machine: a machine created with <c>deployed=true</c>, then its registration command
/// run for real inside a network namespace standing in for the running host, in a mount namespace
/// where every filesystem is read-only (so a write would fail the script). Its real /proc and /sys data
/// arrive as the results of the deploy-info script set (NUMA nodes, PCI and USB devices included); the token
/// works once; a fresh command refreshes the hardware and overwrites the same set's results.
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
        // Interfaces as commissioning reports them: those with a device behind them (MAAS's machine-resources lists no
        // veth, so the namespace's eth0, a veth, is not one), read in the namespace's own /sys.
        (_, string nics) = await ns.ShellAsync("for i in /sys/class/net/*; do [ -e \"$i/device\" ] && echo \"${i##*/}\"; done; true");
        Assert.Equal(nics.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal), machine.Interfaces.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(machine.Interfaces, i => i.MacAddress.ToString() == mac);
        string[] cpuinfo = await File.ReadAllLinesAsync("/proc/cpuinfo", Ct);
        Assert.Equal(cpuinfo.Count(l => l.StartsWith("processor", StringComparison.Ordinal)), machine.CpuCount);
        long memTotalKib = long.Parse((await File.ReadAllLinesAsync("/proc/meminfo", Ct)).First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(PhysicalMemoryMib(memTotalKib), machine.Memory);

        // NUMA nodes, PCI and USB devices from the host's /sys, as commissioning models them.
        string[] numa = Directory.Exists("/sys/devices/system/node") ? Directory.GetDirectories("/sys/devices/system/node", "node*") : [];
        Assert.Equal(numa.Length == 0 ? [0] : numa.Select(n => int.Parse(Path.GetFileName(n)[4..], System.Globalization.CultureInfo.InvariantCulture)).Order(), machine.NumaNodes.Select(n => n.Index));
        string[] pci = [.. Directory.GetDirectories("/sys/bus/pci/devices").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.NotEmpty(pci);
        Assert.Equal(pci, machine.NodeDevices.Where(d => d.Bus == NodeDeviceBus.Pcie).Select(d => d.PciAddress!).Order(StringComparer.Ordinal));
        int usb = Directory.Exists("/sys/bus/usb/devices") ? Directory.GetDirectories("/sys/bus/usb/devices").Count(d => File.Exists(Path.Combine(d, "idVendor"))) : 0;
        Assert.Equal(usb, machine.NodeDevices.Count(d => d.Bus == NodeDeviceBus.Usb));
        Assert.Single(await host.EventsAsync(admin, sid), e => e.Description == MachineRegistration.Registered);

        // The report is the machine's deploy-info commissioning set, as REST shows a commissioned machine's results.
        JsonNode set = await CurrentCommissioningAsync(api, sid);
        Assert.Equal("Passed", set["status_name"]!.GetValue<string>());
        Assert.Equal(DeployInfoScripts.All.Select(s => s.Name).Order(StringComparer.Ordinal), set["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(set["results"]!.AsArray(), r => Assert.Equal(("Passed", 0), (r!["status_name"]!.GetValue<string>(), r["exit_status"]!.GetValue<int>())));
        JsonNode resources = JsonNode.Parse(Stdout(set, CommissioningHooks.ResourcesScript))!;
        Assert.Equal(pci.Length, resources["resources"]!["pci"]!["devices"]!.AsArray().Count);
        Assert.Contains(File.ReadAllText("/proc/cmdline").Trim(), Stdout(set, "maas-support-info"), StringComparison.Ordinal);
        Assert.Equal("Passed", JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{sid}/", Ct))!["commissioning_status_name"]!.GetValue<string>());
        long setId = set["id"]!.GetValue<long>();

        // The same URL works once: curl gets 404 and nothing is reported.
        (_, string refused) = await RunInLiveHostAsync(ns, command);
        Assert.Contains("404", refused, StringComparison.Ordinal);
        Assert.Single(await host.EventsAsync(admin, sid), e => e.Description == MachineRegistration.Registered);

        // A fresh command refreshes the hardware (MAAS's hardware sync).
        (int refresh, string refreshOutput) = await RunInLiveHostAsync(ns, await CommandAsync(admin, sid, ns.HostAddress));
        Assert.True(refresh == 0, refreshOutput);
        Assert.Equal(2, (await host.EventsAsync(admin, sid)).Count(e => e.Description == MachineRegistration.Registered));

        // MAAS's hardware sync overwrites the same set's results; no second set is made.
        JsonNode refreshed = await CurrentCommissioningAsync(api, sid);
        Assert.Equal(setId, refreshed["id"]!.GetValue<long>());
        Assert.Single(JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{sid}/results/?type=commissioning", Ct))!.AsArray());
        Assert.All(refreshed["results"]!.AsArray(), r => Assert.Equal("Passed", r!["status_name"]!.GetValue<string>()));
        Assert.True(refreshed["last_ping"]!.GetValue<string>() is { Length: > 0 });
    }

    /// <summary>
    /// As LXD's resources (and so MAAS's machine-resources) count memory: the online memory blocks of
    /// <c>/sys/devices/system/memory</c> times their size, else MemTotal.
    /// </summary>
    private static long PhysicalMemoryMib(long memTotalKib)
    {
        const string Memory = "/sys/devices/system/memory";
        if (!File.Exists($"{Memory}/block_size_bytes"))
        {
            return memTotalKib / 1024;
        }

        long blockSize = Convert.ToInt64(File.ReadAllText($"{Memory}/block_size_bytes").Trim(), 16);
        long online = Directory.GetDirectories(Memory, "memory*").Count(b => File.Exists($"{b}/online") && File.ReadAllText($"{b}/online").Trim() == "1");
        return online > 0 ? online * blockSize / (1024 * 1024) : memTotalKib / 1024;
    }

    private static async Task<JsonNode> CurrentCommissioningAsync(HttpClient api, string sid) =>
        JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{sid}/results/current-commissioning/?include_output=1", Ct))!;

    private static string Stdout(JsonNode set, string script) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(set["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == script)!["stdout"]!.GetValue<string>()));
}
