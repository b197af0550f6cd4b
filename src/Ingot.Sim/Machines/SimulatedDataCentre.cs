using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Sim.Boot;
using Ingot.Sim.Ipmi;
using Ingot.Sim.Redfish;

namespace Ingot.Sim.Machines;

/// <summary>
/// A rack of simulated machines behind one virtual Redfish service (one ComputerSystem per machine,
/// addressed by <c>node_id</c>, the way blades share a chassis BMC), or with <see cref="SimBmc.Ipmi"/> each
/// behind its own <c>ipmi_sim</c> BMC (<see cref="IpmiRack"/>). A machine whose failure is
/// <see cref="FailureKind.Bmc"/> enlists with a BMC address where nothing listens.
/// </summary>
public sealed class SimulatedDataCentre : IAsyncDisposable
{
    /// <summary>Where a dead BMC "is": the discard port on loopback, on which nothing listens.</summary>
    public const string DeadBmcAddress = "http://127.0.0.1:9";

    /// <summary>Where a dead IPMI BMC "is": the discard port on loopback.</summary>
    public const string DeadIpmiAddress = "127.0.0.1:9";

    private readonly VirtualRedfishBmc _bmc;
    private readonly IpmiRack? _ipmi;

    private SimulatedDataCentre(VirtualRedfishBmc bmc, IpmiRack? ipmi, IReadOnlyList<SimulatedMachine> machines)
    {
        _bmc = bmc;
        _ipmi = ipmi;
        Machines = machines;
    }

    /// <summary>With <see cref="SimBmc.Ipmi"/>: the ipmi_sim BMCs by machine number (as text); else null.</summary>
    public IReadOnlyDictionary<string, IpmiSimBmc>? IpmiBmcs => _ipmi?.Bmcs;

    public IReadOnlyList<SimulatedMachine> Machines { get; }

    public Uri BmcAddress => _bmc.BaseAddress;

    public static async Task<SimulatedDataCentre> StartAsync(SimDataCentreOptions options, SimNetwork network, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        int[] numbers = [.. Enumerable.Range(options.FirstNumber, options.Machines)];
        Dictionary<int, HardwareProfile> profiles = numbers.ToDictionary(n => n, n => HardwareProfiles.For(options.Profile, n)
            ?? throw new ArgumentException($"Unknown profile '{options.Profile}'; one of {string.Join(", ", HardwareProfiles.Names)}.", nameof(options)));
        var bmcOptions = new VirtualRedfishOptions
        {
            SystemIds = [.. numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))],
            Macs = numbers.ToDictionary(n => n.ToString(CultureInfo.InvariantCulture), n => (IReadOnlyList<string>)[.. profiles[n].Nics.Select(nic => nic.Mac)]),
        };
        VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(bmcOptions, ct);
        IpmiRack? ipmi = null;
        if (options.Bmc == SimBmc.Ipmi)
        {
            try
            {
                ipmi = await IpmiRack.StartAsync([.. bmcOptions.SystemIds.Select(id => bmc.Systems[id])], options.IpmiDirectory);
            }
            catch
            {
                await bmc.DisposeAsync();
                throw;
            }
        }

        var machines = new List<SimulatedMachine>();
        foreach (int n in numbers)
        {
            HardwareProfile profile = profiles[n];
            MachineFailure failure = options.Failures.TryGetValue(n - options.FirstNumber + 1, out MachineFailure? f) ? f : MachineFailure.None;
            string id = n.ToString(CultureInfo.InvariantCulture);
            JsonObject parameters = ipmi is null
                ? new JsonObject
                {
                    ["power_address"] = failure.Kind == FailureKind.Bmc ? DeadBmcAddress : bmc.BaseAddress.ToString().TrimEnd('/'),
                    ["power_user"] = bmcOptions.UserName,
                    ["power_pass"] = bmcOptions.Password,
                    ["node_id"] = id,
                }
                : IpmiRack.PowerParameters(
                    failure.Kind == FailureKind.Bmc ? DeadIpmiAddress : ipmi.Bmcs[id].PowerAddress, ipmi.Bmcs[id].Options.User, ipmi.Bmcs[id].Options.Password);
            machines.Add(new SimulatedMachine(n, profile, failure, bmc.Systems[id], ipmi is null ? "redfish" : "ipmi", parameters, network, time));
        }

        return new SimulatedDataCentre(bmc, ipmi, machines);
    }

    /// <summary>Presses every machine's power button.</summary>
    public void PowerOnAll()
    {
        foreach (SimulatedMachine machine in Machines)
        {
            machine.PowerOn();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (SimulatedMachine machine in Machines)
        {
            machine.Halt();
        }

        if (_ipmi is not null)
        {
            await _ipmi.DisposeAsync();
        }

        await _bmc.DisposeAsync();
    }
}
