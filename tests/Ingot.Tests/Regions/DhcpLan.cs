using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Ingot.Tests.Regions;

/// <summary>
/// One VLAN for several regions and real DHCP clients: a network namespace holding a bridge (the switch);
/// one veth pair per region whose host end (in this namespace, as the E2E boot network does) carries the
/// region's address and is what its <c>serve --boot-interface</c> names; one namespace per client with a
/// veth into the bridge, where busybox <c>udhcpc</c> runs. The host ends answer ARP only for their own
/// address (<c>arp_ignore=1</c>), so a unicast to one region's address reaches that region's interface.
/// Everything is named with a random suffix and removed on dispose.
/// </summary>
internal sealed class DhcpLan : IDisposable
{
    public const string Busybox = "/usr/bin/busybox";

    private readonly string _suffix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3));
    private readonly List<string> _namespaces = [];
    private readonly List<string> _links = [];
    private readonly List<Process> _clients = [];

    private DhcpLan(int octet)
    {
        Prefix = $"10.{octet}.78";
        Switch = $"ingot-lan-{_suffix}";
    }

    /// <summary>The first three octets of the VLAN's /24.</summary>
    public string Prefix { get; }

    public string Subnet => $"{Prefix}.0/24";

    public string Switch { get; }

    /// <summary>Why this cannot run here, or null.</summary>
    public static string? SkipReason =>
        !OperatingSystem.IsLinux() ? "network namespaces need Linux"
        : Environment.UserName != "root" ? "creating network namespaces needs root"
        : !File.Exists(Busybox) ? "busybox-static is not installed (scripts/install-test-packages.sh installs it)"
        : null;

    public IPAddress Address(int host) => IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"{Prefix}.{host}"));

    public static async Task<DhcpLan> CreateAsync()
    {
        string routes = await RunAsync("ip", "-4", "route", "show");
        int[] free = [.. Enumerable.Range(180, 60).Where(o => !routes.Contains($"10.{o}.78.", StringComparison.Ordinal))];
        var lan = new DhcpLan(free.Length > 0 ? free[Random.Shared.Next(free.Length)] : throw new InvalidOperationException("no free 10.180-239.78.0/24 subnet on this host"));
        try
        {
            await lan.AddNamespaceAsync(lan.Switch);
            await RunAsync("ip", "netns", "exec", lan.Switch, "ip", "link", "add", "br0", "type", "bridge");
            await RunAsync("ip", "netns", "exec", lan.Switch, "ip", "link", "set", "br0", "up");
        }
        catch
        {
            lan.Dispose();
            throw;
        }

        return lan;
    }

    /// <summary>Adds a region's port: a host interface with <c>Prefix.host/24</c>; returns its name.</summary>
    public async Task<string> AddRegionAsync(int host)
    {
        string name = $"ir{host}{_suffix}";
        string port = $"pr{host}{_suffix}";
        await RunAsync("ip", "link", "add", name, "type", "veth", "peer", "name", port);
        _links.Add(name);
        await RunAsync("ip", "link", "set", port, "netns", Switch);
        await RunAsync("ip", "netns", "exec", Switch, "ip", "link", "set", port, "master", "br0", "up");
        await RunAsync("sysctl", "-q", "-w", $"net.ipv4.conf.{name}.arp_ignore=1");
        await RunAsync("ip", "addr", "add", $"{Address(host)}/24", "dev", name);
        await RunAsync("ip", "link", "set", name, "up");
        return name;
    }

    /// <summary>Adds a client: its own namespace with <c>eth0</c> on the bridge; returns the namespace.</summary>
    public async Task<string> AddClientAsync(int n)
    {
        string ns = $"ingot-cli{n}-{_suffix}";
        string port = $"pc{n}{_suffix}";
        await AddNamespaceAsync(ns);
        await RunAsync("ip", "netns", "exec", Switch, "ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        await RunAsync("ip", "netns", "exec", Switch, "ip", "link", "set", port, "master", "br0", "up");
        await RunAsync("ip", "netns", "exec", ns, "ip", "link", "set", "eth0", "up");
        return ns;
    }

    /// <summary>The MAC of a client's <c>eth0</c>.</summary>
    public static async Task<string> MacAsync(string client) =>
        (await RunAsync("ip", "netns", "exec", client, "cat", "/sys/class/net/eth0/address")).Trim();

    /// <summary>Starts <c>udhcpc</c> in the foreground on a client's <c>eth0</c>, writing each event of <paramref name="script"/> to its output file.</summary>
    public Process StartUdhcpc(string client, string script)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])["netns", "exec", client, Busybox, "udhcpc", "-i", "eth0", "-f", "-t", "20", "-T", "1", "-A", "1", "-s", script])
        {
            info.ArgumentList.Add(arg);
        }

        Process process = Process.Start(info) ?? throw new InvalidOperationException("cannot start udhcpc");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _clients.Add(process);
        return process;
    }

    public static async Task SignalAsync(Process process, string signal) => await RunAsync("kill", "-" + signal, process.Id.ToString(CultureInfo.InvariantCulture));

    public void Dispose()
    {
        foreach (Process client in _clients)
        {
            if (!client.HasExited)
            {
                client.Kill();
                client.WaitForExit(5_000);
            }

            client.Dispose();
        }

        foreach (string link in _links)
        {
            Quietly("ip", "link", "del", link);
        }

        foreach (string ns in _namespaces)
        {
            Quietly("ip", "netns", "del", ns);
        }
    }

    public static async Task<string> RunAsync(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {command}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
    }

    private async Task AddNamespaceAsync(string name)
    {
        await RunAsync("ip", "netns", "add", name);
        _namespaces.Add(name);
        await RunAsync("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
    }

    private static void Quietly(string command, params string[] args)
    {
        try
        {
            using Process? process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardOutput = true, RedirectStandardError = true });
            process?.WaitForExit(30_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Nothing to clean up with.
        }
    }
}
