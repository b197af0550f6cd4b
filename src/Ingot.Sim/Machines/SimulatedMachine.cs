using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Sim.Boot;
using Ingot.Sim.Ephemeral;
using Ingot.Sim.Redfish;

namespace Ingot.Sim.Machines;

/// <summary>
/// One simulated machine: a hardware profile, a system behind a virtual BMC, and what it does when
/// powered. Power on (through its BMC, by Ingot or by hand) starts a boot: network first, as MAAS
/// machines are set up — DHCP, TFTP, iPXE, kernel — then the ephemeral environment; when iPXE says
/// "local disk", the installed system boots if there is one. Power off stops whatever runs. The machine
/// powers itself off or reboots through its own system, as cloud-init's <c>power_state</c> does.
/// </summary>
public sealed class SimulatedMachine
{
    private readonly Lock _lock = new();
    private readonly SimNetwork _network;
    private readonly TimeProvider _time;
    private CancellationTokenSource? _running;
    private InstalledSystem? _installed;
    private string _activity = "off";
    private int _boots;

    public SimulatedMachine(int number, HardwareProfile profile, MachineFailure failure, VirtualSystem system, string powerType, JsonObject powerParameters, SimNetwork network, TimeProvider time)
    {
        Number = number;
        Profile = profile;
        Failure = failure;
        System = system;
        PowerType = powerType;
        PowerParameters = powerParameters;
        _network = network;
        _time = time;
        System.PowerChanged += (_, e) => OnPower(e);
    }

    public int Number { get; }

    public HardwareProfile Profile { get; }

    /// <summary>Where the machine meets Ingot (one region, or several with failover).</summary>
    public SimNetwork Network => _network;

    public MachineFailure Failure { get; }

    public VirtualSystem System { get; }

    public Guid Uuid => System.Uuid;

    public string PowerType { get; }

    public JsonObject PowerParameters { get; }

    public string Hostname => string.Create(CultureInfo.InvariantCulture, $"sim-{Number:D3}");

    /// <summary>What the machine is doing now ("off", "PXE: DHCP", "commissioning: maas-lshw", …).</summary>
    public string Activity { get { lock (_lock) { return _activity; } } }

    /// <summary>The last error a boot ended with, if any.</summary>
    public string? LastError { get; private set; }

    public int Boots => Volatile.Read(ref _boots);

    public bool HasInstalledSystem { get { lock (_lock) { return _installed is not null; } } }

    /// <summary>Presses the power button (on), as an operator does for a machine Ingot does not know yet.</summary>
    public void PowerOn() => System.Reset("On");

    public void Report(string activity)
    {
        lock (_lock)
        {
            _activity = activity;
        }
    }

    internal void Install(InstalledSystem installed)
    {
        lock (_lock)
        {
            _installed = installed;
        }
    }

    internal void Wipe()
    {
        lock (_lock)
        {
            _installed = null;
        }
    }

    /// <summary>Stops whatever runs (the data centre is shutting down).</summary>
    public void Halt()
    {
        lock (_lock)
        {
            _running?.Cancel();
            _running = null;
        }
    }

    private void OnPower(VirtualPowerEventArgs e)
    {
        CancellationTokenSource? previous;
        CancellationTokenSource? next = e.IsOn ? new CancellationTokenSource() : null;
        lock (_lock)
        {
            previous = _running;
            _running = next;
            _activity = e.IsOn ? "powering on" : "off";
        }

        previous?.Cancel();
        if (next is not null)
        {
            _ = Task.Run(() => BootAsync(e.BootSource, next.Token));
        }
        else if (_network.Namespace is { } ns)
        {
            // Off: its NIC no longer answers for the address it leased on the link.
            _ = ns.ReleaseAsync(Profile.BootMac);
        }
    }

    private async Task BootAsync(string target, CancellationToken ct)
    {
        Interlocked.Increment(ref _boots);
        try
        {
            // Boot order network first, as MAAS machines are set up: a one-time "Pxe" override and the
            // default ("Hdd") both start with the network; iPXE's script sends the machine to its disk.
            _ = target;
            BootDecision decision = await NetworkBootAsync(ct);
            EphemeralEnd end = decision.Outcome switch
            {
                BootOutcome.Ephemeral => await new EphemeralEnvironment(this, decision, _time).RunAsync(ct),
                _ => await LocalBootAsync(decision, ct),
            };
            ct.ThrowIfCancellationRequested();
            switch (end)
            {
                case EphemeralEnd.PowerOff:
                    System.Reset("ForceOff");
                    break;
                case EphemeralEnd.Reboot:
                    System.Reset("ForceRestart");
                    break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Powered off meanwhile.
        }
        catch (OperationCanceledException)
        {
            // An HTTP request ran past its client's timeout: the boot ends there (iPXE's chain fails,
            // the image's helper gives up), as it would on a machine; it must not end unseen.
            LastError = "HTTP request timed out";
            Report("error: HTTP request timed out");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or FormatException or JsonException or SocketException or TftpFetchException or SimNamespaceException)
        {
            LastError = e.Message;
            Report($"error: {e.Message}");
        }
    }

    /// <summary>
    /// The firmware's boot sequence: the network boot, and when it fails with nothing on the disk to fall
    /// back to, the whole sequence again after <see cref="BootRetryDelay"/> (a server's "boot sequence
    /// retry", Dell's 30 s), up to <see cref="BootRetries"/> times. Thousands of machines refused by a busy
    /// TFTP server come back spread out instead of giving up.
    /// </summary>
    private async Task<BootDecision> NetworkBootAsync(CancellationToken ct)
    {
        for (int retry = 0; ; retry++)
        {
            BootDecision decision = await NetworkBootOnceAsync(ct);
            bool installed;
            lock (_lock)
            {
                installed = _installed is not null;
            }

            if (decision.Outcome != BootOutcome.Failed || installed || retry >= BootRetries)
            {
                return decision;
            }

            Report($"{decision.Detail}; no operating system on disk; boot sequence retry in {BootRetryDelay.TotalSeconds:0} s");
            await Task.Delay(BootRetryDelay, _time, ct);
        }
    }

    /// <summary>
    /// One network boot. iPXE whose script or kernel cannot be fetched (a refused connection, a server
    /// error, no answer within the client's timeout) ends its script and hands back to the firmware: the
    /// boot option failed, as a failed TFTP does.
    /// </summary>
    private async Task<BootDecision> NetworkBootOnceAsync(CancellationToken ct)
    {
        try
        {
            return await new NetworkBoot(_network, Profile, Failure.Kind == FailureKind.NoLease, Report).RunAsync(ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new BootDecision(BootOutcome.Failed, null, Detail: "iPXE: HTTP request timed out");
        }
        catch (HttpRequestException e)
        {
            return new BootDecision(BootOutcome.Failed, null, Detail: $"iPXE: {e.Message}");
        }
    }

    /// <summary>The pause before the firmware starts its boot sequence again after it found nothing to boot.</summary>
    public static readonly TimeSpan BootRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>How often the firmware starts its boot sequence again (an hour of retries at most).</summary>
    public const int BootRetries = 120;

    private async Task<EphemeralEnd> LocalBootAsync(BootDecision decision, CancellationToken ct)
    {
        InstalledSystem? installed;
        lock (_lock)
        {
            installed = _installed;
        }

        if (installed is null)
        {
            Report($"{decision.Detail}; no operating system on disk");
            return EphemeralEnd.StayOn;
        }

        using HttpClient http = SimHttp.BoundTo(decision.Address, _network);
        var system = new MetadataClient(http, installed.MetadataUrl, installed.Credentials, _time);
        return await Installation.FirstBootAsync(system, installed, this, ct);
    }
}
