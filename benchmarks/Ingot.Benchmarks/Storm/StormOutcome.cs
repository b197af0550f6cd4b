using Ingot.Core.Machines;
using Ingot.Sim.Machines;

namespace Ingot.Benchmarks.Storm;

/// <summary>What a storm run saw, for <see cref="StormReport"/>.</summary>
internal sealed record StormOutcome(
    int Machines,
    string Profile,
    TimeSpan Total,
    TimeSpan IngotCpu,
    long IngotPeakRss,
    int Accepts,
    IReadOnlyList<SimulatedMachine> Sims,
    IReadOnlyDictionary<int, MachineFailure> Failures,
    IReadOnlyList<(string SystemId, MachineStatus Status, string Error)> Rows,
    IReadOnlyDictionary<string, string> SystemIdByMac,
    IReadOnlyDictionary<string, TimeSpan> FirstReady,
    IReadOnlySet<string> SeenCommissioning,
    string IngotLog,
    string DataDirectory,
    string Dhcp,
    UdpCounters Udp,
    int RefusedAccepts,
    int NodeTimeout)
{
    /// <summary>READY machines whose last commissioning set still has a result pending or running.</summary>
    public IReadOnlyList<string> ReadyWithoutCommissioning { get; init; } = [];
}
