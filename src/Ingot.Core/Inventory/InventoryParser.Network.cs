using System.Globalization;
using System.Text.Json;
using Ingot.Core.Hardware;

namespace Ingot.Core.Inventory;

public static partial class InventoryParser
{
    /// <summary>
    /// MAAS's <c>update_node_interfaces</c> and <c>parse_interfaces</c>: every <c>networks</c> entry of
    /// type <c>broadcast</c> with a usable MAC becomes an interface — a VLAN (<c>vlan</c>), a bridge
    /// (<c>bridge.upper_devices</c>), a bond (<c>bond.lower_devices</c>; dropped when none of its parents
    /// is modelled), else physical, taking the MAC, speeds, vendor, product, firmware, NUMA node and
    /// SR-IOV from its card's port of the same name (SR-IOV virtual functions included). Without a
    /// <c>networks</c> section, every port of every card is a physical interface.
    /// </summary>
    private static List<InventoryInterface> ReadInterfaces(JsonElement network, JsonElement? networks)
    {
        var ports = new Dictionary<string, (JsonElement Card, JsonElement Port)>(StringComparer.Ordinal);
        foreach (JsonElement card in network.Array("cards"))
        {
            foreach (JsonElement port in card.Array("ports"))
            {
                ports.TryAdd(port.String("id"), (card, port));
            }

            foreach (JsonElement vf in card.Object("sriov").Array("vfs"))
            {
                foreach (JsonElement port in vf.Array("ports"))
                {
                    ports.TryAdd(port.String("id"), (vf, port));
                }
            }
        }

        if (networks is not { } states)
        {
            return [.. ports.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => Physical(p.Key, p.Value.Port.String("address"), p.Value, up: true, mtu: 0, []))
                .OfType<InventoryInterface>()];
        }

        var physical = new List<InventoryInterface>();
        var children = new List<InventoryInterface>();
        var vlans = new List<InventoryInterface>();
        foreach (JsonProperty entry in states.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            JsonElement state = entry.Value;
            if (state.String("type") != "broadcast")
            {
                continue;
            }

            bool up = state.String("state") == "up";
            int mtu = state.Int("mtu");
            List<string> addresses = [.. state.Array("addresses")
                .Where(a => a.String("scope") == "global")
                .Select(a => $"{a.String("address")}/{a.String("netmask")}")];
            string hwaddr = state.String("hwaddr");
            if (state.Has("vlan") && state.Object("vlan").ValueKind == JsonValueKind.Object)
            {
                JsonElement vlan = state.Object("vlan");
                if (Child(entry.Name, hwaddr, InterfaceType.Vlan, [vlan.String("lower_device")], up, mtu, addresses) is { } nic)
                {
                    vlans.Add(nic with { Vid = vlan.Int("vid") });
                }
            }
            else if (state.Object("bridge").ValueKind == JsonValueKind.Object)
            {
                children.AddIfNotNull(Child(entry.Name, hwaddr, InterfaceType.Bridge, state.Object("bridge").Strings("upper_devices"), up, mtu, addresses));
            }
            else if (state.Object("bond").ValueKind == JsonValueKind.Object)
            {
                children.AddIfNotNull(Child(entry.Name, hwaddr, InterfaceType.Bond, state.Object("bond").Strings("lower_devices"), up, mtu, addresses));
            }
            else
            {
                (JsonElement Card, JsonElement Port)? port = ports.TryGetValue(entry.Name, out var found) ? found : null;
                string mac = port is { } p && p.Port.String("address").Length > 0 ? p.Port.String("address") : hwaddr;
                physical.AddIfNotNull(Physical(entry.Name, mac, port, up, mtu, addresses));
            }
        }

        HashSet<string> modelled = [.. physical.Select(n => n.Name)];
        var kept = new List<InventoryInterface>();
        foreach (InventoryInterface child in children)
        {
            // MAAS drops a bond none of whose parents it models; a bridge is kept regardless.
            if (child.Type == InterfaceType.Bridge || child.Parents.Any(modelled.Contains))
            {
                kept.Add(child);
                modelled.Add(child.Name);
            }
        }

        return [.. physical, .. kept, .. vlans.Where(v => v.Parents.All(modelled.Contains))];
    }

    private static InventoryInterface? Physical(string name, string mac, (JsonElement Card, JsonElement Port)? found, bool up, int mtu, IReadOnlyList<string> addresses)
    {
        if (!MacAddress.TryParse(mac, out MacAddress address))
        {
            return null;
        }

        if (found is not { } cardPort)
        {
            return new InventoryInterface { Name = name, MacAddress = address, LinkConnected = up, Enabled = true, Mtu = mtu, Addresses = addresses };
        }

        (JsonElement card, JsonElement port) = cardPort;
        return new InventoryInterface
        {
            Name = name,
            MacAddress = address,
            Type = InterfaceType.Physical,
            LinkSpeed = port.Int("link_speed"),
            InterfaceSpeed = HighestSupportedSpeed(port),
            LinkConnected = up && port.Bool("link_detected"),
            Enabled = true,
            Vendor = card.String("vendor"),
            Product = card.String("product"),
            FirmwareVersion = card.String("firmware_version"),
            NumaNode = card.Int("numa_node"),
            SriovMaxVf = card.Object("sriov").Int("maximum_vfs"),
            PciAddress = card.String("pci_address"),
            UsbAddress = card.String("usb_address"),
            Mtu = mtu,
            Addresses = addresses,
        };
    }

    private static InventoryInterface? Child(string name, string hwaddr, InterfaceType type, IReadOnlyList<string> parents, bool up, int mtu, IReadOnlyList<string> addresses) =>
        MacAddress.TryParse(hwaddr, out MacAddress mac)
            ? new InventoryInterface { Name = name, MacAddress = mac, Type = type, Parents = [.. parents.Where(p => p.Length > 0)], LinkConnected = up, Enabled = up, Mtu = mtu, Addresses = addresses }
            : null;

    /// <summary>MAAS's <c>_parse_interface_speed</c>: the highest speed of <c>supported_modes</c> (<c>25000baseSR/Full</c> → 25000).</summary>
    private static int HighestSupportedSpeed(JsonElement port)
    {
        int best = 0;
        foreach (string mode in port.Strings("supported_modes"))
        {
            int end = mode.IndexOf("base", StringComparison.Ordinal);
            if (end > 0 && int.TryParse(mode.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out int speed))
            {
                best = Math.Max(best, speed);
            }
        }

        return best;
    }

    private static void AddIfNotNull(this List<InventoryInterface> list, InventoryInterface? nic)
    {
        if (nic is not null)
        {
            list.Add(nic);
        }
    }
}
