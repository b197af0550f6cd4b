using Ingot.Core.Hardware;
using Ingot.Core.Inventory;
using Ingot.Core.Networks;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>The tag MAAS puts on machines whose DMI system type is not "physical".</summary>
    public const string VirtualTag = "virtual";

    /// <summary>
    /// MAAS's <c>hardware_info</c> facts that commissioning found (<c>system_vendor</c>,
    /// <c>mainboard_firmware_date</c>, <c>chassis_type</c>, ...); a key that is missing is "Unknown".
    /// The CPU model is <see cref="CpuModel"/>.
    /// </summary>
    public Dictionary<string, string> HardwareInfo { get; set; } = [];

    /// <summary>MAAS's <c>hardware_uuid</c>: the DMI UUID when it is a valid one; "" when unknown.</summary>
    public string HardwareUuid { get; set; } = "";

    /// <summary>The NUMA nodes commissioning found; empty means MAAS's single node 0 with everything.</summary>
    public List<NumaNode> NumaNodes { get; set; } = [];

    /// <summary>
    /// MAAS's <c>process_lxd_results</c> for a machine: CPU count, speed and model, memory, NUMA nodes,
    /// architecture (a more specific subarchitecture of the same architecture is kept), hardware_info
    /// and hardware_uuid, the <c>virtual</c> tag, physical block devices (matched by serial, else by
    /// id_path; new ones created unless at most 4 MiB or a loop device; vanished ones removed) and
    /// interfaces (physical ones by MAC, bonds and bridges by name, VLANs by name and VID; new ones
    /// created, vanished ones removed; links of kept interfaces kept; with <see cref="SkipNetworking"/> the
    /// interfaces are not touched at all and the flag is turned off, as MAAS's
    /// <c>update_node_network_information</c>) and the PCI/USB devices
    /// (<see cref="InventoryDevices"/>). The caller saves the machine
    /// (and makes sure the <see cref="VirtualTag"/> tag exists). True when the interfaces were reconciled (no
    /// <see cref="SkipNetworking"/>): then the caller sets MAAS's initial networking (<see cref="SetInitialNetworking"/>).
    /// </summary>
    public bool ApplyInventory(MachineInventory inventory, DateTime now)
    {
        CpuCount = inventory.CpuCount;
        CpuSpeed = inventory.CpuSpeed;
        if (inventory.CpuModel.Length > 0)
        {
            CpuModel = inventory.CpuModel;
        }

        Memory = inventory.Memory;
        NumaNodes = [.. inventory.NumaNodes.Select(n => new NumaNode(n.Index, [.. n.Cores], n.Memory))];
        Architecture = InventoryArchitecture.Merge(Architecture, inventory.Architecture);
        HardwareInfo = new Dictionary<string, string>(inventory.System.HardwareInfo, StringComparer.Ordinal);
        HardwareUuid = inventory.System.HardwareUuid;
        if (inventory.System.IsVirtual)
        {
            Tag(VirtualTag, now);
        }
        else
        {
            Untag(VirtualTag, now);
        }

        BlockDevices = InventoryStorage.Reconcile(BlockDevices, inventory.Disks);
        bool reconciled = !SkipNetworking;
        if (SkipNetworking)
        {
            SkipNetworking = false;
        }
        else
        {
            Interfaces = InventoryNetwork.Reconcile(Interfaces, inventory.Interfaces);
        }

        NodeDevices = InventoryDevices.Reconcile(
            NodeDevices,
            inventory.Devices,
            [.. Interfaces.Where(i => i.Type == InterfaceType.Physical).Select(i => i.MacAddress.ToString())],
            [.. BlockDevices.Select(d => d.Name)]);
        Updated = now;
        return reconciled;
    }

    /// <summary>
    /// MAAS's <c>set_initial_networking_configuration</c> after the commissioning output was applied
    /// (<see cref="InitialNetworking"/>): the boot interface AUTO on the subnet it booted from, the others LINK_UP.
    /// Not on a DEPLOYED or DEPLOYING machine (MAAS's <c>is_commissioning</c> is false there).
    /// </summary>
    public void SetInitialNetworking(MachineInventory inventory, NetworkModel networks)
    {
        if (Status is MachineStatus.Deployed or MachineStatus.Deploying)
        {
            return;
        }

        InitialNetworking.Apply(Interfaces, inventory.Interfaces, networks, BootInterfaceMac);
    }
}
