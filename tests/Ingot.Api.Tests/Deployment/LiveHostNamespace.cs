using System.Diagnostics;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// A network namespace standing in for a live machine: a veth pair, <c>eth0</c> (with a chosen MAC)
/// inside at 10.231.N.2/30 and the host side at 10.231.N.1/30. Deleted on dispose, also after a
/// failed setup. Needs root and <c>ip</c>.
/// </summary>
public sealed class LiveHostNamespace : IAsyncDisposable
{
    private LiveHostNamespace(string name, string hostAddress)
    {
        Name = name;
        HostAddress = hostAddress;
    }

    public string Name { get; }

    /// <summary>The host side's address, where the namespace reaches the test host.</summary>
    public string HostAddress { get; }

    public static bool Available =>
        Environment.UserName == "root" && (File.Exists("/usr/sbin/ip") || File.Exists("/sbin/ip")) && File.Exists("/usr/bin/unshare");

    public static async Task<LiveHostNamespace> CreateAsync(string mac)
    {
        string suffix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..3]);
        int subnet = Random.Shared.Next(1, 250);
        var ns = new LiveHostNamespace($"ingot-deploy-{suffix}", $"10.231.{subnet}.1");
        string outside = $"idp{suffix}", inside = $"idq{suffix}";
        try
        {
            await RunAsync("ip", "netns", "add", ns.Name);
            await RunAsync("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
            await RunAsync("ip", "link", "set", inside, "netns", ns.Name);
            await RunAsync("ip", "-n", ns.Name, "link", "set", inside, "name", "eth0");
            await RunAsync("ip", "-n", ns.Name, "link", "set", "eth0", "address", mac);
            await RunAsync("ip", "-n", ns.Name, "addr", "add", $"10.231.{subnet}.2/30", "dev", "eth0");
            await RunAsync("ip", "-n", ns.Name, "link", "set", "eth0", "up");
            await RunAsync("ip", "-n", ns.Name, "link", "set", "lo", "up");
            await RunAsync("ip", "addr", "add", $"{ns.HostAddress}/30", "dev", outside);
            await RunAsync("ip", "link", "set", outside, "up");
            return ns;
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="script"/> with <c>sh</c> inside the namespace; returns exit code and output.</summary>
    public Task<(int ExitCode, string Output)> ShellAsync(string script) => TryRunAsync("ip", "netns", "exec", Name, "sh", "-c", script);

    public async ValueTask DisposeAsync() => await TryRunAsync("ip", "netns", "del", Name);

    private static async Task RunAsync(params string[] command)
    {
        (int exit, string output) = await TryRunAsync(command);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited {exit}: {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{string.Join(' ', command)} did not finish within two minutes: {await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
