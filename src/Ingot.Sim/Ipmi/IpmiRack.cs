using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Ingot.Sim.Redfish;

namespace Ingot.Sim.Ipmi;

/// <summary>
/// One <c>ipmi_sim</c> BMC per simulated machine, each on a free loopback UDP port with the file-backed
/// chassis script and an <see cref="IpmiPowerMirror"/> to the machine's power. The machines enlist with
/// power type <c>ipmi</c> (<see cref="PowerParameters"/>), so Ingot's IPMI driver (FreeIPMI) powers them.
/// Disposing stops every mirror and every ipmi_sim by its process id and deletes the directory it made; a
/// <see cref="DirectoryReaper"/> started before the first BMC ends the ipmi_sims (and deletes that directory)
/// when the process that runs the rack dies without disposing it (SIGKILL).
/// </summary>
public sealed class IpmiRack : IAsyncDisposable
{
    private readonly List<(IpmiSimBmc Bmc, IpmiPowerMirror Mirror)> _bmcs = [];
    private readonly Dictionary<string, IpmiSimBmc> _byName = new(StringComparer.Ordinal);
    private readonly string _directory;
    private readonly bool _ownsDirectory;
    private readonly DirectoryReaper _reaper;

    private IpmiRack(string directory, bool ownsDirectory)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        _reaper = DirectoryReaper.Start(directory, delete: ownsDirectory);
    }

    /// <summary>The process id of the rack's <see cref="DirectoryReaper"/>.</summary>
    public int ReaperProcessId => _reaper.ProcessId;

    /// <summary>The directory the BMCs run in (one subdirectory each).</summary>
    public string Root => _directory;

    /// <summary>Whether ipmi_sim is installed here (Debian's <c>openipmi</c>).</summary>
    public static bool Available => File.Exists(IpmiSimBmc.Executable);

    /// <summary>The BMCs by system id.</summary>
    public IReadOnlyDictionary<string, IpmiSimBmc> Bmcs => _byName;

    /// <summary>Starts a BMC for each system (named by the system's id) under <paramref name="directory"/> (a new temporary one when null).</summary>
    public static async Task<IpmiRack> StartAsync(IReadOnlyCollection<VirtualSystem> systems, string? directory)
    {
        ArgumentNullException.ThrowIfNull(systems);
        if (!Available)
        {
            throw new InvalidOperationException($"{IpmiSimBmc.Executable} is not installed (Debian package openipmi).");
        }

        string root = directory ?? Directory.CreateTempSubdirectory("ingot-sim-ipmi-").FullName;
        var rack = new IpmiRack(root, ownsDirectory: directory is null);
        try
        {
            foreach (VirtualSystem system in systems)
            {
                string bmcDirectory = Path.Combine(root, $"bmc-{system.Id}");
                Directory.CreateDirectory(bmcDirectory);
                IpmiSimBmc bmc = IpmiSimBmc.Start(new IpmiSimOptions(system.Id, FreeUdpPort()), bmcDirectory);
                rack._bmcs.Add((bmc, new IpmiPowerMirror(bmcDirectory, system)));
                rack._byName.Add(system.Id, bmc);
            }
        }
        catch
        {
            await rack.DisposeAsync();
            throw;
        }

        return rack;
    }

    /// <summary>MAAS's ipmi power parameters for a BMC (LAN_2_0, as FreeIPMI talks to ipmi_sim).</summary>
    public static JsonObject PowerParameters(string address, string user, string password) => new()
    {
        ["power_address"] = address,
        ["power_user"] = user,
        ["power_pass"] = password,
        ["power_driver"] = "LAN_2_0",
    };

    public async ValueTask DisposeAsync()
    {
        foreach ((IpmiSimBmc bmc, IpmiPowerMirror mirror) in _bmcs)
        {
            await mirror.DisposeAsync();
            await bmc.DisposeAsync();
        }

        _bmcs.Clear();
        _byName.Clear();
        await _reaper.DisposeAsync();
        if (_ownsDirectory && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
