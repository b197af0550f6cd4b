using Ingot.Core.Hardware;
using Ingot.Core.Networks;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>MAAS's free-text <c>description</c>, given when the machine is added.</summary>
    public string Description { get; set; } = "";

    /// <summary>
    /// MAAS's <c>bios_boot_method</c> as commissioning reports it (<c>pxe</c>, <c>uefi</c>, ...);
    /// empty when unknown. Cloning storage requires it to match.
    /// </summary>
    public string BiosBootMethod { get; set; } = "";

    /// <summary>
    /// The MAC of the physical interface the machine last network-booted from (MAAS's <c>boot_interface</c>, kept as the
    /// interface's MAC): recorded at each network boot from the MAC of the boot request (MAAS's <c>get_config</c>) and
    /// from <c>BOOTIF</c> in the kernel command line that <c>maas-kernel-cmdline</c> reports (MAAS's
    /// <c>update_boot_interface</c>, which is how an enlisting machine, unknown when it booted, gets one). Null before
    /// any; <see cref="BootInterface"/> then falls back as MAAS's <c>get_boot_interface</c> does.
    /// </summary>
    public MacAddress? BootInterfaceMac { get; set; }

    /// <summary>MAAS's <c>get_boot_interface</c>: the recorded boot interface, else the first physical interface, else the first.</summary>
    public NetworkInterface? BootInterface => InitialNetworking.BootInterface(Interfaces, BootInterfaceMac);

    /// <summary>
    /// Records <paramref name="mac"/> as the boot interface when one of the machine's physical interfaces carries it (MAAS
    /// looks the interface up among the physical ones and keeps the old one otherwise); true when that changed it.
    /// </summary>
    public bool RecordBootInterface(MacAddress mac)
    {
        if (BootInterfaceMac == mac || !Interfaces.Any(i => i.Type == InterfaceType.Physical && i.MacAddress == mac))
        {
            return false;
        }

        BootInterfaceMac = mac;
        return true;
    }
}
