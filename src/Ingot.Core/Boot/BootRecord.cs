using Ingot.Core.Machines;

namespace Ingot.Core.Boot;

/// <summary>
/// What the boot servers need to know about a machine that network-boots: who it is, its status and
/// what it would boot (<see cref="Architecture"/> as MAAS writes it: <c>amd64/generic</c>), and the
/// extra kernel options its tags give it (<see cref="KernelOpts"/>, "" for none). <see cref="EphemeralDeployment"/>:
/// deployed to memory (MAAS's <c>ephemeral_deployment</c>), so it network-boots its OS every time.
/// <see cref="BiosBootMethod"/>: MAAS's <c>bios_boot_method</c> as last recorded (<see cref="BiosBootMethods"/>; "" before any).
/// <see cref="BootInterfaceMac"/>: the MAC of the recorded boot interface (null before any).
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
    bool Netboot,
    string KernelOpts = "",
    bool EphemeralDeployment = false)
{
    public string BiosBootMethod { get; init; } = "";

    public Hardware.MacAddress? BootInterfaceMac { get; init; }

    /// <summary>
    /// The claimed power-on or cycle a network boot now would settle (<see cref="Machine.PowerClaimAwaitingBoot"/>), null for
    /// none: the boot is recorded under it (<see cref="IBootBackend.RecordBootAsync"/>) so that a region taking the claim over
    /// does not power the machine on again.
    /// </summary>
    public DateTime? PowerClaimAwaitingBoot { get; init; }

    /// <summary>
    /// Whether a network boot from <paramref name="mac"/> by <paramref name="biosBootMethod"/> (null: not known) tells the machine
    /// something new to record (<see cref="IBootBackend.RecordBootAsync"/>): another boot method or boot interface, or a
    /// claimed power-on the boot settles.
    /// </summary>
    public bool NeedsRecording(Hardware.MacAddress mac, string? biosBootMethod) =>
        (biosBootMethod is not null && biosBootMethod != BiosBootMethod) || BootInterfaceMac != mac || PowerClaimAwaitingBoot is not null;
}
