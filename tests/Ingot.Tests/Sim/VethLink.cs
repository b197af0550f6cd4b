using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Ingot.Tests.Sim;

/// <summary>
/// A link for simulated machines in a network namespace: a veth pair whose host end carries <see cref="Server"/>
/// (what Ingot serves with <c>--boot-interface</c>) and whose other end is <c>eth0</c> in <see cref="Namespace"/>,
/// up and without an address. Named with a random suffix, on a 10.x.78.0/24 no host route uses; removed on dispose.
/// </summary>
internal sealed class VethLink : IAsyncDisposable
{
    private VethLink(string suffix, int octet)
    {
        Namespace = $"ingot-simns-{suffix}";
        HostInterface = $"isn{suffix}";
        Subnet = $"10.{octet}.78.0/24";
        Server = IPAddress.Parse($"10.{octet}.78.1");
    }

    public string Namespace { get; }

    public string HostInterface { get; }

    public string Subnet { get; }

    public IPAddress Server { get; }

    public static async Task<VethLink> CreateAsync()
    {
        string suffix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3));
        string routes = await RunAsync("-4", "route", "show");
        int[] free = [.. Enumerable.Range(180, 60).Where(o => !routes.Contains(string.Create(CultureInfo.InvariantCulture, $"10.{o}.78."), StringComparison.Ordinal))];
        var link = new VethLink(suffix, free.Length > 0 ? free[Random.Shared.Next(free.Length)] : throw new InvalidOperationException("no free 10.180-239.78.0/24 on this host"));
        try
        {
            await RunAsync("netns", "add", link.Namespace);
            await RunAsync("link", "add", link.HostInterface, "type", "veth", "peer", "name", "eth0", "netns", link.Namespace);
            await RunAsync("-n", link.Namespace, "link", "set", "eth0", "up");
            await RunAsync("addr", "add", $"{link.Server}/24", "dev", link.HostInterface);
            await RunAsync("link", "set", link.HostInterface, "up");
        }
        catch
        {
            await link.DisposeAsync();
            throw;
        }

        return link;
    }

    /// <summary>The IPv4 addresses on the namespace's <c>eth0</c> now, as ADDRESS/PREFIX.</summary>
    public async Task<IReadOnlyList<string>> AddressesAsync()
    {
        string shown = await RunAsync("-n", Namespace, "-4", "-o", "addr", "show", "dev", "eth0");
        return [.. shown.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(words => words[Array.IndexOf(words, "inet") + 1])];
    }

    public async ValueTask DisposeAsync()
    {
        await TryRunAsync("link", "del", HostInterface);
        await TryRunAsync("netns", "del", Namespace);
    }

    private static async Task<string> RunAsync(params string[] args)
    {
        (int code, string output) = await TryRunAsync(args);
        return code == 0 ? output : throw new InvalidOperationException($"ip {string.Join(' ', args)} failed ({code}): {output}");
    }

    private static async Task<(int Code, string Output)> TryRunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/sbin/ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
