using System.Text.Json.Nodes;
using Ingot.Demo;
using Ingot.Sim.Machines;
using Ingot.Sim.Operator;

namespace Ingot.Tests.Sim;

/// <summary>
/// Ingot as the demo runs it (in process, SQLite, loopback boot services, power executor) with the
/// lab set up, and helpers to start simulated machines and wait for their statuses through the API.
/// Each data centre gets its own machine numbers, so MACs never collide.
/// </summary>
public sealed class SimLabHost : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("ingot-simlab-").FullName;
    private readonly List<SimulatedDataCentre> _dataCentres = [];
    private int _next = 1;

    public ShiftedTime Time { get; } = new();

    public DemoIngot Ingot { get; private set; } = null!;

    public IngotApi Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Ingot = await DemoIngot.StartAsync(Path.Combine(_dataDir, "demo"), Demo.FreePorts.Tcp(), quiet: true, TestContext.Current.CancellationToken, Time);
        Api = new IngotApi(Ingot.Url, Ingot.ApiKey, Time);
        await SimLab.PrepareAsync(Api, Ingot.Network, DemoIngot.ImageOsystem, DemoIngot.ImageSeries, TestContext.Current.CancellationToken);
    }

    /// <summary>Starts <paramref name="count"/> machines of a profile with these failures (by 1-based index) and powers them on.</summary>
    public async Task<SimulatedDataCentre> StartAsync(int count, string profile, params (int Index, MachineFailure Failure)[] failures)
    {
        var options = new SimDataCentreOptions
        {
            Machines = count,
            Profile = profile,
            FirstNumber = Interlocked.Add(ref _next, count) - count,
            Failures = failures.ToDictionary(f => f.Index, f => f.Failure),
        };
        SimulatedDataCentre dc = await SimulatedDataCentre.StartAsync(options, Ingot.Network, Time, TestContext.Current.CancellationToken);
        _dataCentres.Add(dc);
        dc.PowerOnAll();
        return dc;
    }

    /// <summary>
    /// Starts <paramref name="count"/> machines of a profile, each behind its own ipmi_sim BMC, and powers them on;
    /// the caller disposes the data centre (which stops the BMCs).
    /// </summary>
    public async Task<SimulatedDataCentre> StartIpmiAsync(int count, string profile)
    {
        var options = new SimDataCentreOptions
        {
            Machines = count,
            Profile = profile,
            FirstNumber = Interlocked.Add(ref _next, count) - count,
            Bmc = SimBmc.Ipmi,
        };
        SimulatedDataCentre dc = await SimulatedDataCentre.StartAsync(options, Ingot.Network, Time, TestContext.Current.CancellationToken);
        dc.PowerOnAll();
        return dc;
    }

    /// <summary>The machine with this MAC as the machines list shows it, or null.</summary>
    public async Task<JsonNode?> FindAsync(string mac) =>
        (await Api.GetAsync("machines/", TestContext.Current.CancellationToken))!.AsArray()
            .FirstOrDefault(m => m!["interface_set"]!.AsArray().Any(i => string.Equals(i!["mac_address"]!.GetValue<string>(), mac, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Polls (bounded) until the machine with the sim's MAC has <paramref name="status"/>; its JSON.</summary>
    public async Task<JsonNode> WaitForStatusAsync(SimulatedMachine sim, string status, TimeSpan limit)
    {
        long started = TimeProvider.System.GetTimestamp();
        string last = "not enlisted";
        while (TimeProvider.System.GetElapsedTime(started) < limit)
        {
            if (await FindAsync(sim.Profile.BootMac) is { } machine)
            {
                last = machine["status_name"]!.GetValue<string>();
                if (last == status)
                {
                    return machine;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Waited {limit.TotalSeconds} s for {sim.Hostname} ({sim.Profile.BootMac}) to be {status}; it is {last}; the machine says '{sim.Activity}'{(sim.LastError is { } e ? $", error {e}" : "")}.");
    }

    /// <summary>Polls (bounded) until the simulated machine reports <paramref name="activity"/>.</summary>
    public static async Task WaitForActivityAsync(SimulatedMachine sim, string activity, TimeSpan limit)
    {
        long started = TimeProvider.System.GetTimestamp();
        while (sim.Activity != activity)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < limit, $"Waited for {sim.Hostname} to be '{activity}'; it says '{sim.Activity}'.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The machine's events, newest first, as <c>events/?op=query</c> gives them: (type description, description).</summary>
    public async Task<IReadOnlyList<(string Type, string Description)>> EventsAsync(string systemId)
    {
        JsonArray events = (await Api.GetAsync($"events/?op=query&id={systemId}&level=DEBUG&limit=1000", TestContext.Current.CancellationToken))!["events"]!.AsArray();
        return [.. events.Select(e => (e!["type"]!.GetValue<string>(), e["description"]!.GetValue<string>()))];
    }

    /// <summary>Polls (bounded) the machine's events for the newest one whose type's description is <paramref name="type"/>.</summary>
    public async Task<(string Type, string Description)> WaitForEventAsync(string systemId, string type, TimeSpan limit)
    {
        long started = TimeProvider.System.GetTimestamp();
        IReadOnlyList<(string Type, string Description)> events = [];
        while (TimeProvider.System.GetElapsedTime(started) < limit)
        {
            events = await EventsAsync(systemId);
            if (events.FirstOrDefault(e => e.Type == type) is { Type: not null } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No '{type}' event for {systemId} in {limit.TotalSeconds} s; the newest: {string.Join(" | ", events.Take(20).Select(e => $"{e.Type}: {e.Description}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (SimulatedDataCentre dc in _dataCentres)
        {
            await dc.DisposeAsync();
        }

        Api?.Dispose();
        if (Ingot is not null)
        {
            await Ingot.DisposeAsync();
        }

        Directory.Delete(_dataDir, recursive: true);
    }
}
