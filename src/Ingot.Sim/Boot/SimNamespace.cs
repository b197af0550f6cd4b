using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ingot.Sim.Boot;

/// <summary>
/// A network namespace the simulated machines sit in (the sim's root mode): their NICs' sockets are made
/// inside it and tied to its <see cref="Link"/>, where they broadcast DHCP as firmware does (no relay), and
/// each machine holds the address it leased on that link while it runs, as a machine on the segment would,
/// so that its TFTP and HTTP leave from that address and Ingot's answers find it. Sockets are made by one
/// thread that entered the namespace (<c>setns</c>); a socket stays in the namespace it was made in.
/// Needs root (CAP_SYS_ADMIN for <c>setns</c>, CAP_NET_ADMIN for addresses) and iproute2's <c>ip</c>.
/// </summary>
public sealed partial class SimNamespace : IAsyncDisposable
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>Work for the thread inside the namespace: null when it could not enter (its errno), else done there.</summary>
    private readonly BlockingCollection<Action<int?>> _requests = [];
    private readonly Dictionary<string, (IPAddress Address, int Prefix)> _held = new(StringComparer.OrdinalIgnoreCase); // under _commands
    private readonly SemaphoreSlim _commands = new(1, 1);
    private readonly Thread _inside;

    private SimNamespace(string name, string link, SafeFileHandle handle)
    {
        Name = name;
        Link = link;
        _inside = new Thread(() => Serve(handle)) { IsBackground = true, Name = $"netns {name}" };
    }

    /// <summary>The namespace's name (<c>/run/netns/NAME</c>, as <c>ip netns add</c> makes it).</summary>
    public string Name { get; }

    /// <summary>The interface the machines are on: given, or the namespace's one up interface that is not loopback and not a bridge port.</summary>
    public string Link { get; }

    /// <summary>
    /// Opens the namespace <paramref name="name"/> with its link (<paramref name="link"/>, or found). Throws
    /// <see cref="SimNamespaceException"/> saying what is wrong: no such namespace, no such or no single link,
    /// not permitted.
    /// </summary>
    public static async Task<SimNamespace> OpenAsync(string name, string? link, CancellationToken ct)
    {
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new SimNamespaceException($"'{name}' is not a network namespace name");
        }

        string path = Path.Combine("/run/netns", name);
        if (!File.Exists(path))
        {
            throw new SimNamespaceException($"no network namespace '{name}' ({path} does not exist; 'ip netns add {name}' makes one)");
        }

        string chosen = await NamespaceLinks.ChooseAsync(name, link, ct);
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SimNamespaceException($"cannot open {path}: {e.Message} (the sim's namespace mode needs root)");
        }

        var ns = new SimNamespace(name, chosen, handle);
        ns._inside.Start();
        try
        {
            // The first socket proves the thread is inside.
            (await ns.SocketAsync(SocketType.Dgram, ProtocolType.Udp)).Dispose();
            await ns.PromoteSecondariesAsync();
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }

        return ns;
    }

    /// <summary>A new IPv4 socket inside the namespace.</summary>
    public Task<Socket> SocketAsync(SocketType type, ProtocolType protocol) =>
        InsideAsync(() => new Socket(AddressFamily.InterNetwork, type, protocol));

    /// <summary>Runs <paramref name="work"/> on the thread inside the namespace.</summary>
    private Task<T> InsideAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _requests.Add(failed =>
            {
                if (failed is { } errno)
                {
                    done.SetException(new SimNamespaceException($"cannot enter network namespace '{Name}': setns failed with errno {errno} (the sim's namespace mode needs root)"));
                    return;
                }

                try
                {
                    done.SetResult(work());
                }
                catch (Exception e)
                {
                    // Whatever the work throws belongs to its caller; the thread serves the next request.
                    done.SetException(e);
                }
            });
        }
        catch (InvalidOperationException)
        {
            // Disposed (ObjectDisposedException is one too).
            done.SetException(new ObjectDisposedException(nameof(SimNamespace)));
        }

        return done.Task;
    }

    /// <summary>
    /// Linux removes every other address of a subnet with its first (primary) one unless the link promotes them:
    /// machines share the link and leave it one by one, so the sim turns <c>promote_secondaries</c> on for it
    /// (<c>/proc/sys/net</c> read from inside the namespace is the namespace's).
    /// </summary>
    private Task<bool> PromoteSecondariesAsync() => InsideAsync(() =>
    {
        string path = $"/proc/sys/net/ipv4/conf/{Link}/promote_secondaries";
        try
        {
            File.WriteAllText(path, "1\n");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SimNamespaceException($"cannot turn on {path} in network namespace '{Name}': {e.Message}");
        }
    });

    /// <summary>
    /// The machine with <paramref name="mac"/> now holds <paramref name="address"/>/<paramref name="prefix"/> on the
    /// link (an address it held before is given up first); already there is fine.
    /// </summary>
    public async Task HoldAsync(string mac, IPAddress address, int prefix, CancellationToken ct)
    {
        await _commands.WaitAsync(ct);
        try
        {
            if (_held.TryGetValue(mac, out var before) && !before.Address.Equals(address))
            {
                await NamespaceLinks.DeleteAddressAsync(Name, Link, before.Address, before.Prefix);
            }

            _held[mac] = (address, prefix);
            await NamespaceLinks.AddAddressAsync(Name, Link, address, prefix, ct);
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>
    /// The machine with <paramref name="mac"/> is off: the address it held leaves the link. Changes to the link are
    /// made one at a time in the order asked, so a machine switched off and on again loses the old address first.
    /// </summary>
    public async Task ReleaseAsync(string mac)
    {
        await _commands.WaitAsync();
        try
        {
            if (_held.Remove(mac, out var held))
            {
                await NamespaceLinks.DeleteAddressAsync(Name, Link, held.Address, held.Prefix);
            }
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>Gives up every address still held and ends the namespace's thread.</summary>
    public async ValueTask DisposeAsync()
    {
        await _commands.WaitAsync();
        try
        {
            foreach ((IPAddress address, int prefix) in _held.Values)
            {
                await NamespaceLinks.DeleteAddressAsync(Name, Link, address, prefix);
            }

            _held.Clear();
        }
        finally
        {
            _commands.Release();
        }

        _requests.CompleteAdding();
    }

    private void Serve(SafeFileHandle handle)
    {
        int entered;
        using (handle)
        {
            entered = SetNamespace((int)handle.DangerousGetHandle(), CloneNewNet);
        }

        int? failed = entered == 0 ? null : Marshal.GetLastPInvokeError();
        foreach (Action<int?> request in _requests.GetConsumingEnumerable())
        {
            request(failed);
        }

        _requests.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNamespace(int fd, int type);
}
