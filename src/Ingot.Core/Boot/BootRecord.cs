using Ingot.Core.Machines;

namespace Ingot.Core.Boot;

/// <summary>
/// What the boot servers need to know about a machine that network-boots: who it is, its status and
/// what it would boot (<see cref="Architecture"/> as MAAS writes it: <c>amd64/generic</c>).
/// </summary>
public sealed record BootRecord(
    string SystemId,
    string Hostname,
    MachineStatus Status,
    MachineStatus PreviousStatus,
    string Architecture,
    string Osystem,
    string DistroSeries,
    string HweKernel,
    bool Netboot);
