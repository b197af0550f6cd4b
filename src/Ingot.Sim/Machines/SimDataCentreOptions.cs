namespace Ingot.Sim.Machines;

/// <summary>How many simulated machines, of which profile, with which failures.</summary>
public sealed record SimDataCentreOptions
{
    public int Machines { get; init; } = 12;

    public string Profile { get; init; } = "mixed";

    public IReadOnlyDictionary<int, MachineFailure> Failures { get; init; } = new Dictionary<int, MachineFailure>();

    /// <summary>The first machine's number (MACs and names follow from it), so that several sims do not collide.</summary>
    public int FirstNumber { get; init; } = 1;

    public SimBmc Bmc { get; init; } = SimBmc.Redfish;

    /// <summary>With <see cref="SimBmc.Ipmi"/>: where the BMCs' directories go (a new temporary directory when null, deleted at the end).</summary>
    public string? IpmiDirectory { get; init; }
}
