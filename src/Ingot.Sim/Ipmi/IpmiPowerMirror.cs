using Ingot.Sim.Redfish;

namespace Ingot.Sim.Ipmi;

/// <summary>
/// Joins an <c>ipmi_sim</c> BMC with the file-backed chassis script (<see cref="IpmiChassisScript"/>) to a
/// simulated machine's power: what IPMI clients set in the BMC's <c>power</c> file powers the machine on
/// or off, a <c>reset</c> (a line in <c>resets</c>) restarts it, and when the machine powers itself off or
/// restarts, the <c>power</c> file follows, so <c>chassis power status</c> tells the truth. The files are
/// read every <see cref="Interval"/>; the mirror and the machine's own changes take one lock, so a restart
/// is never seen half-way.
/// </summary>
public sealed class IpmiPowerMirror : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new();
    private readonly string _powerFile;
    private readonly string _resetsFile;
    private readonly VirtualSystem _system;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private bool _on;
    private long _resets;

    public IpmiPowerMirror(string bmcDirectory, VirtualSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _powerFile = Path.Combine(bmcDirectory, "power");
        _resetsFile = Path.Combine(bmcDirectory, "resets");
        _system = system;
        lock (_gate)
        {
            _on = system.IsOn;
            _resets = Lines(_resetsFile);
            File.WriteAllText(_powerFile, _on ? "1\n" : "0\n");
        }

        system.PowerChanged += OnPowerChanged;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        _system.PowerChanged -= OnPowerChanged;
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    /// <summary>One look at the BMC's files: applies a power change or a reset that an IPMI client asked for.</summary>
    public void Poll()
    {
        lock (_gate)
        {
            long resets = Lines(_resetsFile);
            if (resets > _resets)
            {
                _resets = resets;
                _system.Reset("ForceRestart");
                return;
            }

            bool? wanted = ReadPower();
            if (wanted is bool on && on != _on)
            {
                _system.Reset(on ? "On" : "ForceOff");
            }
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                Poll();
            }
            catch (IOException)
            {
                // The script was writing the file: read it at the next tick.
            }
        }
    }

    private void OnPowerChanged(object? sender, VirtualPowerEventArgs e)
    {
        lock (_gate)
        {
            _on = e.IsOn;
            File.WriteAllText(_powerFile, e.IsOn ? "1\n" : "0\n");
        }
    }

    private bool? ReadPower()
    {
        string text = File.Exists(_powerFile) ? File.ReadAllText(_powerFile).Trim() : "";
        return text switch
        {
            "1" => true,
            "0" => false,
            _ => null,
        };
    }

    private static long Lines(string path) => File.Exists(path) ? File.ReadAllLines(path).Length : 0;
}
