using Ingot.Core.Machines;

namespace Ingot.Core.Boot;

/// <summary>
/// MAAS's decision of what a machine boots (<c>Node.get_boot_purpose</c>): the commissioning-like
/// statuses (<c>COMMISSIONING_LIKE_STATUSES</c> in <c>maasserver/node_status.py</c>) boot the
/// commissioning ephemeral image; DEPLOYING boots the installer while netboot is on (for a deployment
/// to memory, the deployed release's ephemeral image, which a DEPLOYED ephemeral machine keeps
/// booting); everything else boots from the local disk.
/// </summary>
public static class BootPurposes
{
    /// <summary>NEW, COMMISSIONING, DISK_ERASING, ENTERING_RESCUE_MODE, RELEASING, RESCUE_MODE, TESTING.</summary>
    public static IReadOnlySet<MachineStatus> CommissioningLike { get; } = new HashSet<MachineStatus>
    {
        MachineStatus.New,
        MachineStatus.Commissioning,
        MachineStatus.DiskErasing,
        MachineStatus.EnteringRescueMode,
        MachineStatus.Releasing,
        MachineStatus.RescueMode,
        MachineStatus.Testing,
    };

    /// <summary>The purpose for a machine in <paramref name="status"/>; an unknown machine enlists (see <see cref="For(BootRecord?)"/>).</summary>
    public static BootPurpose For(MachineStatus status, bool netboot) => status switch
    {
        _ when CommissioningLike.Contains(status) => BootPurpose.Commissioning,
        MachineStatus.Deploying => netboot ? BootPurpose.Xinstall : BootPurpose.Local,
        _ => BootPurpose.Local,
    };

    /// <summary>The purpose for the machine behind a MAC; null (an unknown MAC) enlists.</summary>
    public static BootPurpose For(BootRecord? machine) => machine switch
    {
        null => BootPurpose.Enlist,

        // Deployed to memory: the ephemeral image is the OS, so every boot loads it again.
        { Status: MachineStatus.Deployed, EphemeralDeployment: true } => BootPurpose.Xinstall,
        _ => For(machine.Status, machine.Netboot),
    };
}
