using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Ingot.Boot.Tests.Dhcp.RealClients;

/// <summary>
/// A network namespace this test run creates (<c>ip netns add ingot-dhcp-…</c>) and deletes on
/// dispose. <see cref="OpenSocket"/> makes a socket inside it without moving the test process: a
/// dedicated thread enters the namespace with <c>setns(2)</c> (which affects only that thread),
/// creates the socket and leaves; the socket stays in the namespace it was made in.
/// </summary>
internal sealed partial class NetworkNamespace : IDisposable
{
    private const int CloneNewNet = 0x40000000;

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>Why namespaces cannot be made here, or null.</summary>
    public static string? SkipReason =>
        !OperatingSystem.IsLinux() ? "network namespaces need Linux"
        : Environment.UserName != "root" ? "creating network namespaces needs root"
        : !File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") ? "iproute2 (ip) is not installed"
        : null;

    public static NetworkNamespace Create(string role)
    {
        string name = $"ingot-dhcp-{role}-{Guid.NewGuid().ToString("N")[..8]}";
        Ip("netns", "add", name);
        var ns = new NetworkNamespace(name);
        ns.Run("ip", "link", "set", "lo", "up");
        return ns;
    }

    /// <summary>Runs <c>ip ARGS</c> in the root namespace; throws with ip's message when it fails.</summary>
    public static void Ip(params string[] args) => RunChecked("ip", args);

    /// <summary>Runs a command inside the namespace (<c>ip netns exec</c>) and waits for it.</summary>
    public void Run(string command, params string[] args) => RunChecked("ip", ["netns", "exec", Name, command, .. args]);

    /// <summary>Runs a command inside the namespace and returns what it printed.</summary>
    public string Output(string command, params string[] args)
    {
        using Process process = Start(command, args);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    /// <summary>Starts a command inside the namespace without waiting for it.</summary>
    public Process Start(string command, params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "netns", "exec", Name, command }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command}");
    }

    /// <summary>Runs <paramref name="create"/> on a thread that has entered this namespace.</summary>
    public T Inside<T>(Func<T> create)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            using var home = File.OpenHandle("/proc/thread-self/ns/net");
            using var target = File.OpenHandle($"/run/netns/{Name}");
            try
            {
                Enter(target.DangerousGetHandle());
                result = create();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                Enter(home.DangerousGetHandle());
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result! : throw new InvalidOperationException($"in namespace {Name}", failure);
    }

    public Socket OpenSocket(Func<Socket> open) => Inside(open);

    public void Dispose()
    {
        try
        {
            Ip("netns", "delete", Name);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void Enter(nint fd)
    {
        if (SetNs((int)fd, CloneNewNet) != 0)
        {
            throw new InvalidOperationException($"setns failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static void RunChecked(string command, string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}
