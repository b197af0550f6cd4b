using Ingot.Core.Hardware;

namespace Ingot.Core.Inventory;

/// <summary>
/// MAAS's <c>update_node_interfaces</c> over Core's interfaces: a physical interface is found by its
/// MAC (a known one of the same name with another MAC is replaced), a bond or bridge by name, a VLAN
/// by name and VID; a found interface keeps its id and links and takes the reported name, parents,
/// speeds, link state, vendor, product, firmware, NUMA node and SR-IOV count; a reported interface
/// not known is added (no links yet); a known interface that was not reported is removed.
/// </summary>
public static class InventoryNetwork
{
    public static List<NetworkInterface> Reconcile(IReadOnlyList<NetworkInterface> known, IReadOnlyList<InventoryInterface> reported)
    {
        var previous = new List<NetworkInterface>(known);
        var result = new List<NetworkInterface>();
        foreach (InventoryInterface nic in reported)
        {
            NetworkInterface? match = nic.Type switch
            {
                InterfaceType.Physical => previous.Find(i => i.Type == InterfaceType.Physical && i.MacAddress == nic.MacAddress),
                InterfaceType.Vlan => previous.Find(i => i.Type == InterfaceType.Vlan && i.Name == nic.Name && i.Vlan == nic.Vid),
                _ => previous.Find(i => i.Type == nic.Type && i.Name == nic.Name),
            };
            if (match is null)
            {
                match = new NetworkInterface { Name = nic.Name, Type = nic.Type, Enabled = nic.Enabled };
            }
            else
            {
                previous.Remove(match);
            }

            match.Name = nic.Name;
            match.MacAddress = nic.MacAddress;
            match.Parents = [.. nic.Parents];
            match.LinkSpeed = nic.LinkSpeed;
            match.InterfaceSpeed = nic.InterfaceSpeed;
            match.LinkConnected = nic.LinkConnected;
            match.Vendor = nic.Vendor;
            match.Product = nic.Product;
            match.FirmwareVersion = nic.FirmwareVersion;
            match.NumaNode = nic.NumaNode;
            match.SriovMaxVf = nic.SriovMaxVf;
            if (nic.Type == InterfaceType.Vlan)
            {
                match.Vlan = nic.Vid;
            }

            result.Add(match);
        }

        return result;
    }
}
