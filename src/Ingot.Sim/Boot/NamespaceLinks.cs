using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Ingot.Sim.Boot;

/// <summary>
/// The links of a network namespace and the addresses on them, through iproute2's <c>ip -n NAME</c>: which
/// interface simulated machines go on, and adding or removing the address a machine leased.
/// </summary>
internal static class NamespaceLinks
{
    public const string Ip = "/usr/sbin/ip";

    /// <summary>
    /// <paramref name="link"/> when the namespace has it; without one, its only interface that is up, not
    /// loopback and not a bridge's port (a bridge itself counts: machines on a switch are on the bridge).
    /// </summary>
    public static async Task<string> ChooseAsync(string name, string? link, CancellationToken ct)
    {
        (int code, string output) = await RunAsync(ct, "-n", name, "-j", "link", "show");
        if (code != 0)
        {
            throw new SimNamespaceException($"cannot list the links of network namespace '{name}': {output.Trim()}");
        }

        var links = new List<(string Name, bool Candidate)>();
        foreach (JsonElement l in JsonDocument.Parse(output).RootElement.EnumerateArray())
        {
            string ifname = l.GetProperty("ifname").GetString() ?? "";
            bool up = l.TryGetProperty("flags", out JsonElement flags) && flags.EnumerateArray().Any(f => f.GetString() == "UP");
            bool loopback = l.TryGetProperty("link_type", out JsonElement type) && type.GetString() == "loopback";
            links.Add((ifname, up && !loopback && !l.TryGetProperty("master", out _)));
        }

        if (link is not null)
        {
            return links.Any(l => l.Name == link)
                ? link
                : throw new SimNamespaceException($"network namespace '{name}' has no link '{link}' (it has {string.Join(", ", links.Select(l => l.Name))})");
        }

        string[] candidates = [.. links.Where(l => l.Candidate).Select(l => l.Name)];
        return candidates switch
        {
            [var only] => only,
            [] => throw new SimNamespaceException($"network namespace '{name}' has no up interface other than loopback and bridge ports; name one with --netns-link"),
            _ => throw new SimNamespaceException($"network namespace '{name}' has several up interfaces ({string.Join(", ", candidates)}); name one with --netns-link"),
        };
    }

    /// <summary>Adds the address; one already there is fine.</summary>
    public static async Task AddAddressAsync(string name, string link, IPAddress address, int prefix, CancellationToken ct)
    {
        (int code, string output) = await RunAsync(ct, "-n", name, "addr", "add", $"{address}/{prefix}", "dev", link);
        // iproute2 says "Address already assigned" (6.x) or "RTNETLINK answers: File exists" (older) for an address already there.
        if (code != 0 && !output.Contains("already assigned", StringComparison.Ordinal) && !output.Contains("File exists", StringComparison.Ordinal))
        {
            throw new SimNamespaceException($"cannot add {address}/{prefix} to {link} in network namespace '{name}': {output.Trim()}");
        }
    }

    /// <summary>Removes the address if it is there (the namespace may be gone already: nothing to do then).</summary>
    public static async Task DeleteAddressAsync(string name, string link, IPAddress address, int prefix) =>
        await RunAsync(CancellationToken.None, "-n", name, "addr", "del", $"{address}/{prefix}", "dev", link);

    private static async Task<(int Code, string Output)> RunAsync(CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo(Ip) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new SimNamespaceException($"cannot run {Ip}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }
}
