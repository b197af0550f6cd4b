using Ingot.Core.Hardware;
using Ingot.Core.Inventory;

namespace Ingot.Core.Networks;

/// <summary>
/// MAAS's <c>Node.set_initial_networking_configuration</c>, which MAAS's commissioning hook
/// (<c>update_node_network_information</c>) runs once the reported interfaces are reconciled — at enlistment and at
/// the end of commissioning, never with <c>skip_networking</c> (the hook returns before) and never on a DEPLOYED or
/// DEPLOYING machine (<c>is_commissioning</c>); the caller (<see cref="Machines.Machine.SetInitialNetworking"/>) checks
/// those. Pure: it changes the interfaces' links only.
/// <list type="bullet">
/// <item>The boot interface (<see cref="BootInterface"/>: the recorded one, else MAAS's fallback) gets an AUTO link on each subnet it has a discovered address
/// on. A discovered address is one the commissioning output reports on the interface (scope global), on the known
/// subnet of its network (for a /32 or /128, the most specific known subnet containing it), as MAAS's
/// <c>update_links</c> finds it. MAAS creates a subnet it does not know; Ingot does not, so such an address is no
/// discovered address here.</item>
/// <item>Before that, each physical interface is placed on a VLAN as MAAS's <c>update_physical_interface</c> does
/// (<see cref="PlaceOnVlan"/>).</item>
/// <item>Without a discovered subnet, MAAS's <c>force_auto_or_dhcp_link</c>: AUTO on the first subnet (lowest id; the
/// default fabric's first, as Ingot records only the VID) of the interface's VLAN, or DHCP with no subnet when that VLAN
/// has none; nothing when the interface is on no VLAN (not connected).</item>
/// <item>Every other enabled interface gets MAAS's <c>ensure_link_up</c>: LINK_UP (on its discovered subnet when that is on the interface's VLAN)
/// when it has no link; its LINK_UP links are dropped when it has other links.</item>
/// </list>
/// </summary>
public static class InitialNetworking
{
    /// <summary>
    /// MAAS's <c>get_boot_interface</c>: the physical interface with the recorded boot MAC
    /// (<see cref="Machines.Machine.BootInterfaceMac"/>); when none is recorded, or no physical interface carries it any
    /// more, the first physical interface, else the first interface.
    /// </summary>
    public static NetworkInterface? BootInterface(IReadOnlyList<NetworkInterface> interfaces, MacAddress? recorded = null) =>
        (recorded is { } mac ? interfaces.FirstOrDefault(i => i.Type == InterfaceType.Physical && i.MacAddress == mac) : null)
        ?? interfaces.FirstOrDefault(i => i.Type == InterfaceType.Physical)
        ?? (interfaces.Count > 0 ? interfaces[0] : null);

    public static void Apply(IReadOnlyList<NetworkInterface> interfaces, IReadOnlyList<InventoryInterface> reported, NetworkModel model, MacAddress? bootMac = null)
    {
        foreach (NetworkInterface nic in interfaces.Where(i => i.Type == InterfaceType.Physical))
        {
            PlaceOnVlan(nic, DiscoveredSubnets(nic, reported, model), model);
        }

        NetworkInterface? boot = BootInterface(interfaces, bootMac);
        if (boot is null)
        {
            return;
        }

        ConfigureBoot(boot, DiscoveredSubnets(boot, reported, model), model);
        foreach (NetworkInterface nic in interfaces)
        {
            if (!ReferenceEquals(nic, boot) && nic.Enabled)
            {
                Subnet? discovered = DiscoveredSubnets(nic, reported, model).FirstOrDefault();
                bool sameVlan = discovered is not null && (nic.Vlan is null || model.Vlan(discovered.VlanId)?.Vid == nic.Vlan);
                EnsureLinkUp(nic, sameVlan ? discovered : null);
            }
        }
    }

    /// <summary>The known subnets of the addresses the commissioning output reports on this interface, in report order.</summary>
    public static List<Subnet> DiscoveredSubnets(NetworkInterface nic, IReadOnlyList<InventoryInterface> reported, NetworkModel model)
    {
        var found = new List<Subnet>();
        InventoryInterface? report = reported.FirstOrDefault(r => r.Name == nic.Name && r.Type == nic.Type);
        foreach (string cidr in report?.Addresses ?? [])
        {
            if (SubnetOf(cidr, model) is { } subnet && !found.Contains(subnet))
            {
                found.Add(subnet);
            }
        }

        return found;
    }

    /// <summary>MAAS's <c>get_or_create_subnet</c> without the create: the subnet whose CIDR is the address's network; for a full-length prefix the most specific subnet containing the address.</summary>
    public static Subnet? SubnetOf(string addressCidr, NetworkModel model)
    {
        if (IpNumbers.ParseCidr(addressCidr) is not { } network)
        {
            return null;
        }

        Subnet? exact = model.Subnets.FirstOrDefault(s => IpNumbers.ParseCidr(s.Cidr) is { } known && known.Equals(network));
        if (exact is not null)
        {
            return exact;
        }

        int bits = network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        return network.PrefixLength == bits ? model.BestSubnetFor(network.BaseAddress) : null;
    }

    /// <summary>
    /// MAAS's <c>update_physical_interface</c> VLAN rules for a physical interface: the VLAN of its first discovered
    /// subnet; else, when a link is detected and the VLAN is not known, the untagged VLAN (MAAS: the default VLAN, or a
    /// new fabric's, also VID 0 — Ingot records the VID only and creates no fabric); else, when no link is detected,
    /// none (disconnected, <c>"vlan": null</c>).
    /// </summary>
    private static void PlaceOnVlan(NetworkInterface nic, List<Subnet> discovered, NetworkModel model)
    {
        if (discovered.Count > 0 && model.Vlan(discovered[0].VlanId) is { } vlan)
        {
            nic.Vlan = vlan.Vid;
        }
        else if (nic.LinkConnected)
        {
            nic.Vlan ??= 0;
        }
        else
        {
            nic.Vlan = null;
        }
    }

    private static void ConfigureBoot(NetworkInterface boot, List<Subnet> discovered, NetworkModel model)
    {
        if (discovered.Count > 0)
        {
            foreach (Subnet subnet in discovered)
            {
                LinkAuto(boot, subnet.Cidr);
            }

            return;
        }

        if (boot.Vlan is int vid)
        {
            Subnet? first = model.Subnets
                .Where(s => model.Vlan(s.VlanId)?.Vid == vid)
                .OrderBy(s => model.Vlan(s.VlanId)?.FabricId == Fabric.DefaultId ? 0 : 1)
                .ThenBy(s => s.Id)
                .FirstOrDefault();
            if (first is not null)
            {
                LinkAuto(boot, first.Cidr);
            }
            else
            {
                LinkDhcp(boot);
            }
        }
        else if (boot.LinkConnected)
        {
            LinkDhcp(boot);
        }
    }

    private static void LinkAuto(NetworkInterface nic, string cidr)
    {
        nic.Links.RemoveAll(l => l.Mode == LinkMode.LinkUp);
        if (!nic.Links.Any(l => l.Mode == LinkMode.Auto && l.Subnet == cidr))
        {
            nic.Links.Add(new InterfaceLink { Mode = LinkMode.Auto, Subnet = cidr });
        }
    }

    private static void LinkDhcp(NetworkInterface nic)
    {
        nic.Links.RemoveAll(l => l.Mode == LinkMode.LinkUp);
        if (!nic.Links.Any(l => l.Mode == LinkMode.Dhcp))
        {
            nic.Links.Add(new InterfaceLink { Mode = LinkMode.Dhcp });
        }
    }

    /// <summary>MAAS's <c>Interface.ensure_link_up</c>.</summary>
    private static void EnsureLinkUp(NetworkInterface nic, Subnet? discovered)
    {
        if (nic.Links.Any(l => l.Mode != LinkMode.LinkUp))
        {
            nic.Links.RemoveAll(l => l.Mode == LinkMode.LinkUp);
        }
        else if (nic.Links.Count == 0)
        {
            nic.Links.Add(new InterfaceLink { Mode = LinkMode.LinkUp, Subnet = discovered?.Cidr });
        }
    }
}
