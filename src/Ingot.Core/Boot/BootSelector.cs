using Ingot.Core.Machines;

namespace Ingot.Core.Boot;

/// <summary>
/// Chooses what a network-booting machine loads, as MAAS's <c>get_config</c> and
/// <c>get_boot_config_for_machine</c> do (<c>maasserver/rpc/boot.py</c>): unknown machines enlist as
/// <c>maas-enlist</c> on the commissioning image; commissioning-like boots use the commissioning image,
/// except disk erasing and rescue of a deployed Ubuntu machine, which use the deployed release; the
/// installer uses the machine's release (commissioning image for non-Ubuntu); a generic machine with an
/// HWE kernel boots that kernel. Pure.
/// </summary>
public static class BootSelector
{
    public const string EnlistHostname = "maas-enlist";

    public static BootSelection Select(BootRecord? machine, BootDefaults defaults)
    {
        if (machine is null)
        {
            (string arch, string sub) = Split(defaults.DefaultArchitecture);
            return new BootSelection(BootPurpose.Enlist, null, EnlistHostname, defaults.CommissioningOsystem, defaults.CommissioningSeries, arch, sub);
        }

        BootPurpose purpose = BootPurposes.For(machine);
        (string machineArch, string subarch) = Split(machine.Architecture.Length > 0 ? machine.Architecture : defaults.DefaultArchitecture);
        string osystem = machine.Osystem.Length > 0 ? machine.Osystem : defaults.DefaultOsystem;
        string series = machine.DistroSeries.Length > 0 ? machine.DistroSeries : defaults.DefaultSeries;
        if (purpose == BootPurpose.Commissioning && !UsesDeployedRelease(machine))
        {
            (osystem, series) = (defaults.CommissioningOsystem, defaults.CommissioningSeries);
        }
        else if (purpose == BootPurpose.Xinstall && osystem != "ubuntu")
        {
            (osystem, series) = (defaults.CommissioningOsystem, defaults.CommissioningSeries);
        }

        if (subarch == "generic" && machine.HweKernel.Length > 0)
        {
            subarch = machine.HweKernel;
        }

        return new BootSelection(purpose, machine.SystemId, machine.Hostname, osystem, series, machineArch, subarch) { KernelOpts = machine.KernelOpts };
    }

    private static bool UsesDeployedRelease(BootRecord m) =>
        m.Osystem == "ubuntu" && (m.Status == MachineStatus.DiskErasing ||
            (m.Status is MachineStatus.EnteringRescueMode or MachineStatus.RescueMode && m.PreviousStatus == MachineStatus.Deployed));

    private static (string Arch, string Subarch) Split(string architecture)
    {
        int slash = architecture.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (architecture, "generic") : (architecture[..slash], architecture[(slash + 1)..]);
    }
}
