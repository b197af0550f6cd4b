using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Ingot.Commands;
using Ingot.Sim.Machines;
using Ingot.Sim.Operator;
using Ingot.Tests.Serving;

namespace Ingot.Tests.Sim;

/// <summary>
/// The sim's root mode (issue 8, item 1): <c>ingot sim --netns</c> puts the machines in a network namespace the
/// test makes, on a veth link whose other end is what a real <c>ingot serve --boot-interface</c> serves. No relay
/// and no loopback boot ports: the machines broadcast DHCP on the link, hold the address they leased there while
/// they run, and fetch TFTP, iPXE, kernel and the metadata from it. Root only (skips, saying so, otherwise).
/// </summary>
public sealed class SimulatedMachinesInNamespaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Machines_in_a_namespace_broadcast_dhcp_on_its_link_enlist_and_commission_holding_their_address_only_while_on()
    {
        if (!Environment.IsPrivilegedProcess || !File.Exists("/usr/sbin/ip"))
        {
            Assert.Skip("needs root and iproute2's ip: the machines' namespace and its veth link are made by the test");
        }

        await using var link = await VethLink.CreateAsync();
        DirectoryInfo data = Directory.CreateTempSubdirectory("ingot-simns-");
        try
        {
            await WalkAsync(link, data.FullName);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task WalkAsync(VethLink link, string dataDir)
    {
        string key = await PrepareIngotAsync(dataDir);
        int port = IngotProcess.FreePort();
        int bootPort = IngotProcess.FreePort();
        await using var serve = IngotProcess.Start(
            null,
            "serve", "--data-dir", dataDir, "--urls", $"http://{link.Server}:{port}",
            "--boot-interface", link.HostInterface, "--boot-urls", $"http://{link.Server}:{bootPort}");
        await serve.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        var url = new Uri($"http://{link.Server}:{port}/");
        using var api = new IngotApi(url, key, TimeProvider.System);

        const int first = 900;
        string[] args =
        [
            "sim", "--url", url.ToString(), "--key", key, "--machines", "3", "--first", $"{first}", "--profile", "small",
            "--failures", "3=no-lease", "--netns", link.Namespace, "--subnet", link.Subnet,
        ];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var output = new StringWriter();
        TextWriter stdout = TextWriter.Synchronized(output);
        var stderr = new StringWriter();
        Task<int> sim = IngotCommandLine.RunAsync(args, stdout, TextWriter.Synchronized(stderr), stop.Token);
        string Printed()
        {
            lock (stdout)
            {
                return output.ToString();
            }
        }

        HardwareProfile one = HardwareProfiles.Small(first);
        HardwareProfile two = HardwareProfiles.Small(first + 1);
        try
        {
            JsonNode enlisted = await WaitForAsync(api, one.BootMac, "New", sim, serve, Printed);
            await WaitForAsync(api, two.BootMac, "New", sim, serve, Printed);

            // Enlisted, the machines powered themselves off: no address of theirs is left on the link.
            await WaitForAddressesAsync(link, a => a.Count == 0, "no address on the link once both enlisted machines are off", Printed);

            await api.PostAsync("machines/?op=accept", Ct, ("machines", enlisted["system_id"]!.GetValue<string>()));
            string held = await WaitForAddressesAsync(link, a => a.Count == 1, "the commissioning machine's leased address on the link", Printed);
            Assert.True(IPNetwork.Parse(link.Subnet).Contains(IPAddress.Parse(held.Split('/')[0])), $"{held} is not in {link.Subnet}");
            Assert.EndsWith("/24", held, StringComparison.Ordinal);
            Assert.True(IPAddress.Parse(held.Split('/')[0]).GetAddressBytes()[3] >= 128, $"{held} is not in the dynamic range the sim made (the subnet's upper half)");

            JsonNode ready = await WaitForAsync(api, one.BootMac, "Ready", sim, serve, Printed);
            Assert.Equal("redfish", ready["power_type"]!.GetValue<string>());

            // Commissioned, the machine powers itself off and gives its address up. The power-on that started
            // commissioning is not sent again: a query that finds the machine off after it network-booted under the
            // claim ends it (PowerActions). Before, under load, it sent "on" again and the Ready machine sat at iPXE.
            string systemId = ready["system_id"]!.GetValue<string>();
            await WaitForAddressesAsync(link, a => a.Count == 0, "the Ready machine (off) gave its address up", Printed);
            await WaitForPoweredOnEventAsync(api, systemId);
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            Assert.DoesNotContain("boot from the local disk", Printed(), StringComparison.Ordinal);
            Assert.Empty(await link.AddressesAsync());

            // The third NIC sits behind a relay on a network Ingot does not serve: it never gets a lease.
            await WaitForOutputAsync(stdout, output, $"sim-{first + 2} {HardwareProfiles.Small(first + 2).BootMac}: PXE: no DHCP lease", TimeSpan.FromSeconds(150));
            Assert.Null(await FindAsync(api, HardwareProfiles.Small(first + 2).BootMac));
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(IngotCommandLine.Ok, await sim.WaitAsync(TimeSpan.FromSeconds(60), Ct));
        Assert.Equal("", stderr.ToString());
        Assert.Empty(await link.AddressesAsync());
    }

    [Fact]
    public async Task A_namespace_that_does_not_exist_is_a_usage_error_before_anything_is_sent()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("as root the namespace is looked for; without root '--netns needs root' comes first");
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await IngotCommandLine.RunAsync(
            ["sim", "--url", "http://127.0.0.1:9/", "--key", "c:t:s", "--netns", "ingot-no-such-ns", "--subnet", "10.0.77.0/24"], stdout, stderr, Ct);

        Assert.Equal(IngotCommandLine.Usage, code);
        Assert.Contains("--netns: no network namespace 'ingot-no-such-ns' (/run/netns/ingot-no-such-ns does not exist", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    /// <summary>An admin with an API key and the simulated machines' boot image, as <c>DemoIngot</c> makes them, through the CLI.</summary>
    private static async Task<string> PrepareIngotAsync(string dataDir)
    {
        var (created, createOutput) = await IngotProcess.RunAsync(null, "createadmin", "--data-dir", dataDir, "--username", "admin", "--password", "pw", "--email", "admin@example.com");
        Assert.True(created == 0, createOutput);
        var (keyed, key) = await IngotProcess.RunAsync(null, "apikey", "--data-dir", dataDir, "--username", "admin");
        Assert.True(keyed == 0, key);
        string image = Path.Combine(dataDir, "sim-image");
        Directory.CreateDirectory(image);
        await File.WriteAllTextAsync(Path.Combine(image, "vmlinuz"), "simulated kernel\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(image, "initrd.img"), "simulated initrd\n", Ct);
        var (added, addOutput) = await IngotProcess.RunAsync(null, "add-ephemeral-image", "--dir", image, "--name", "ingot/sim", "--data-dir", dataDir);
        Assert.True(added == 0, addOutput);
        return key.Trim();
    }

    private static async Task<JsonNode?> FindAsync(IngotApi api, string mac) =>
        (await api.GetAsync("machines/", Ct))!.AsArray()
            .FirstOrDefault(m => m!["interface_set"]!.AsArray().Any(i => string.Equals(i!["mac_address"]!.GetValue<string>(), mac, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Polls (bounded) until the machine with <paramref name="mac"/> has <paramref name="status"/>; fails at once if the sim or Ingot ended.</summary>
    private static async Task<JsonNode> WaitForAsync(IngotApi api, string mac, string status, Task<int> sim, IngotProcess serve, Func<string> printed)
    {
        long started = Stopwatch.GetTimestamp();
        string last = "not enlisted";
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(180))
        {
            if (sim.IsCompleted)
            {
                Assert.Fail($"ingot sim ended early with exit {await sim}");
            }

            Assert.False(serve.HasExited, $"ingot serve exited: {serve.Tail}");
            if (await FindAsync(api, mac) is { } machine)
            {
                last = machine["status_name"]!.GetValue<string>();
                if (last == status)
                {
                    return machine;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        throw new TimeoutException($"{mac} was not {status} within 180 s (last: {last}); ingot sim printed: {printed()}; Ingot's output: {serve.Tail}");
    }

    /// <summary>Polls (bounded) the machine's events until its power-on's result ("Node powered on") is recorded.</summary>
    private static async Task WaitForPoweredOnEventAsync(IngotApi api, string systemId)
    {
        for (int attempt = 0; attempt < 120; attempt++)
        {
            JsonArray events = (await api.GetAsync($"events/?op=query&id={systemId}&level=DEBUG&limit=1000", Ct))!["events"]!.AsArray();
            if (events.Any(e => e!["type"]!.GetValue<string>() == "Node powered on"))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        Assert.Fail($"waited 60 s for {systemId}'s \"Node powered on\" (the commissioning power-on's result)");
    }

    /// <summary>Polls (bounded) the link's addresses until <paramref name="done"/> holds; returns the first address then (or "").</summary>
    private static async Task<string> WaitForAddressesAsync(VethLink link, Func<IReadOnlyList<string>, bool> done, string what, Func<string> printed)
    {
        IReadOnlyList<string> addresses = [];
        for (int attempt = 0; attempt < 240; attempt++)
        {
            addresses = await link.AddressesAsync();
            if (done(addresses))
            {
                return addresses.Count > 0 ? addresses[0] : "";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        throw new TimeoutException($"waited 120 s for {what}; the link holds: {string.Join(", ", addresses)}; ingot sim printed: {printed()}");
    }

    /// <summary>Polls (bounded) what the sim printed (<paramref name="output"/>, written through <paramref name="writer"/>) for <paramref name="text"/>.</summary>
    private static async Task WaitForOutputAsync(TextWriter writer, StringWriter output, string text, TimeSpan limit)
    {
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            lock (writer)
            {
                if (output.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        lock (writer)
        {
            throw new TimeoutException($"'{text}' not printed within {limit.TotalSeconds:0} s; ingot sim printed: {output}");
        }
    }
}
