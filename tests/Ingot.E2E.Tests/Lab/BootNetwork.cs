using System.Globalization;
using System.Net;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// A provisioning network for VMs: a network namespace holding a bridge (the switch) and the VMs'
/// taps, joined by a veth pair to the host namespace, where the host end carries
/// <see cref="ServerAddress"/> and is what Ingot serves with <c>--boot-interface</c>. Everything is
/// named with a random suffix and removed on dispose.
/// </summary>
internal sealed class BootNetwork : IAsyncDisposable
{
    private readonly List<string> _taps = [];

    private BootNetwork(string prefix, string suffix, int octet)
    {
        Namespace = $"ingot-{prefix}-{suffix}";
        HostInterface = $"i{prefix}{suffix}";
        Subnet = $"10.{octet}.77.0/24";
        ServerAddress = IPAddress.Parse($"10.{octet}.77.1");
    }

    public string Namespace { get; }

    /// <summary>The host end of the veth pair (at most 15 characters, as Linux requires).</summary>
    public string HostInterface { get; }

    public string Subnet { get; }

    public IPAddress ServerAddress { get; }

    /// <summary>An address in the subnet: <c>10.x.77.<paramref name="host"/></c>.</summary>
    public IPAddress Address(int host) =>
        IPAddress.Parse(ServerAddress.ToString()[..^1] + host.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates the network; <paramref name="prefix"/> (at most 4 characters) names its namespace and host interface.</summary>
    public static async Task<BootNetwork> CreateAsync(string prefix = "e2e")
    {
        string suffix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3));
        string routes = await HostCommand.RunAsync("ip", "-4", "route", "show");
        int[] free = [.. Enumerable.Range(180, 60).Where(o => !routes.Contains($"10.{o}.", StringComparison.Ordinal))];
        int octet = free.Length > 0 ? free[Random.Shared.Next(free.Length)] : throw new InvalidOperationException("no free 10.180-239.77.0/24 subnet on this host");
        var network = new BootNetwork(prefix, suffix, octet);
        try
        {
            await network.BuildAsync();
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }

        return network;
    }

    /// <summary>Creates a tap for a VM, attached to the bridge; returns its name.</summary>
    public async Task<string> AddTapAsync()
    {
        string tap = $"tap{_taps.Count}";
        await InNamespaceAsync("ip", "tuntap", "add", "dev", tap, "mode", "tap");
        await InNamespaceAsync("ip", "link", "set", tap, "master", "br0", "up");
        _taps.Add(tap);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        await HostCommand.TryRunAsync("ip", "link", "del", HostInterface);
        await HostCommand.TryRunAsync("ip", "netns", "del", Namespace);
    }

    private async Task BuildAsync()
    {
        await HostCommand.RunAsync("ip", "netns", "add", Namespace);
        await InNamespaceAsync("ip", "link", "set", "lo", "up");
        await InNamespaceAsync("ip", "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0");
        await InNamespaceAsync("ip", "link", "set", "br0", "up");
        await HostCommand.RunAsync("ip", "link", "add", HostInterface, "type", "veth", "peer", "name", "uplink", "netns", Namespace);
        await InNamespaceAsync("ip", "link", "set", "uplink", "master", "br0", "up");
        await HostCommand.RunAsync("ip", "addr", "add", $"{ServerAddress}/24", "dev", HostInterface);
        await HostCommand.RunAsync("ip", "link", "set", HostInterface, "up");
    }

    private Task<string> InNamespaceAsync(string file, params string[] args) =>
        HostCommand.RunAsync("ip", ["netns", "exec", Namespace, file, .. args]);
}
