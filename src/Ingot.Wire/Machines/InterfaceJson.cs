using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

/// <summary>
/// A network interface as MAAS's <c>InterfaceHandler</c> shows it, with its VLAN and links.
/// <c>vendor</c>/<c>product</c>/<c>firmware_version</c> are null until commissioning reports them;
/// <c>interface_speed</c> shows the link speed when commissioning reported no supported speed;
/// <c>params</c> is "" until something is set. Not in Core yet, so fixed: <c>discovered</c> null.
/// </summary>
internal static class InterfaceJson
{
    public static void Write(Utf8JsonWriter writer, Machine machine, NetworkInterface nic, MachineJsonContext context)
    {
        MachineJsonContext.Fragments fragments = context.Rendered;
        (VlanInfo Vlan, byte[] Json)? connected = VlanOf(nic, context);
        writer.WriteStartObject();
        writer.WriteString("firmware_version"u8, BlockDeviceJson.NullIfEmpty(nic.FirmwareVersion));
        writer.WritePropertyName("vlan"u8);
        if (connected is { } known)
        {
            writer.WriteRawValue(known.Json, skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }

        VlanInfo vlan = connected?.Vlan ?? context.DefaultVlan;
        ResourceJson.WriteStrings(writer, "parents"u8, nic.Parents);
        writer.WriteNumber("effective_mtu"u8, nic.Params.Mtu ?? (connected is null ? Core.Networks.Vlan.DefaultMtu : vlan.Mtu));
        writer.WriteString("system_id"u8, machine.SystemId);
        ResourceJson.WriteStrings(writer, "tags"u8, nic.Tags);
        writer.WriteBoolean("enabled"u8, nic.Enabled);
        writer.WriteString("product"u8, BlockDeviceJson.NullIfEmpty(nic.Product));
        writer.WriteStartArray("links"u8);
        for (int i = 0; i < nic.Links.Count; i++)
        {
            WriteLink(writer, nic, i, vlan, fragments);
        }

        writer.WriteEndArray();
        writer.WriteString("type"u8, TypeName(nic.Type));
        writer.WriteStartArray("children"u8);
        foreach (NetworkInterface other in machine.Interfaces)
        {
            if (other.Parents.Contains(nic.Name))
            {
                writer.WriteStringValue(other.Name);
            }
        }

        writer.WriteEndArray();
        writer.WriteString("vendor"u8, BlockDeviceJson.NullIfEmpty(nic.Vendor));
        writer.WriteString("mac_address"u8, nic.MacAddress.ToString());
        writer.WriteNull("discovered"u8);
        writer.WriteNumber("id"u8, nic.Id);
        InterfaceParamsJson.Write(writer, nic.Params);
        writer.WriteString("name"u8, nic.Name);
        writer.WriteBoolean("link_connected"u8, nic.LinkConnected);
        writer.WriteNumber("interface_speed"u8, nic.InterfaceSpeed > 0 ? nic.InterfaceSpeed : nic.LinkSpeed);
        writer.WriteNumber("link_speed"u8, nic.LinkSpeed);
        ResourceUris.WriteInterface(writer, machine.SystemId, nic.Id);
        writer.WriteNumber("numa_node"u8, nic.NumaNode);
        writer.WriteNumber("sriov_max_vf"u8, nic.SriovMaxVf);
        writer.WriteEndObject();
    }

    /// <summary>MAAS's <c>INTERFACE_TYPE</c> values.</summary>
    public static string TypeName(InterfaceType type) => type switch
    {
        InterfaceType.Physical => "physical",
        InterfaceType.Bond => "bond",
        InterfaceType.Bridge => "bridge",
        InterfaceType.Vlan => "vlan",
        InterfaceType.Alias => "alias",
        _ => "unknown",
    };

    /// <summary>MAAS's <c>INTERFACE_LINK_TYPE</c> values.</summary>
    public static string ModeName(LinkMode mode) => mode switch
    {
        LinkMode.Auto => "auto",
        LinkMode.Dhcp => "dhcp",
        LinkMode.Static => "static",
        _ => "link_up",
    };

    /// <summary>
    /// The interface's VLAN: by its VID if Core recorded one, else the VLAN of its first link's known subnet (the default
    /// VLAN for a link to a subnet the model does not hold); null when it has none of these (MAAS's disconnected
    /// interface, <c>"vlan": null</c>: one whose <c>vlan</c> was cleared, one commissioning found unplugged, one never
    /// commissioned).
    /// </summary>
    public static (VlanInfo Vlan, byte[] Json)? VlanOf(NetworkInterface nic, MachineJsonContext context)
    {
        MachineJsonContext.Fragments fragments = context.Rendered;
        VlanInfo? vlan = null;
        if (nic.Vlan is int vid)
        {
            vlan = fragments.Vlans.TryGetValue(vid, out VlanInfo? known)
                ? known
                : new VlanInfo(0, vid == 0 ? "untagged" : $"{vid}", vid, context.DefaultVlan.Fabric, context.DefaultVlan.FabricId);
        }
        else
        {
            foreach (InterfaceLink link in nic.Links)
            {
                if (link.Subnet is { } cidr && fragments.Subnets.TryGetValue(cidr, out SubnetInfo? subnet))
                {
                    vlan = subnet.Vlan;
                    break;
                }
            }
        }

        if (vlan is null)
        {
            // A link to a CIDR the model does not hold still says the interface is connected: the default VLAN, as its
            // undefined subnet shows. No VID and no subnet link: MAAS's disconnected interface.
            return nic.Links.Any(l => !string.IsNullOrEmpty(l.Subnet)) ? (context.DefaultVlan, fragments.DefaultVlanJson) : null;
        }

        return fragments.VlanJson.TryGetValue(vlan.Vid, out byte[]? json) && fragments.Vlans[vlan.Vid] == vlan
            ? (vlan, json)
            : (vlan, MachineJsonContext.Render(w => ResourceJson.WriteVlan(w, vlan)));
    }

    private static void WriteLink(Utf8JsonWriter writer, NetworkInterface nic, int index, VlanInfo vlan, MachineJsonContext.Fragments fragments)
    {
        InterfaceLink link = nic.Links[index];
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, DerivedIds.Link(nic.Id, index));
        writer.WriteString("mode"u8, ModeName(link.Mode));
        if (link.Subnet is { Length: > 0 } cidr)
        {
            writer.WritePropertyName("subnet"u8);
            if (fragments.SubnetJson.TryGetValue(cidr, out byte[]? json))
            {
                writer.WriteRawValue(json, skipInputValidation: true);
            }
            else
            {
                ResourceJson.WriteSubnet(writer, SubnetInfo.Undefined(cidr, vlan));
            }
        }

        if (link.IpAddress is { Length: > 0 } ip)
        {
            writer.WriteString("ip_address"u8, ip);
        }

        writer.WriteEndObject();
    }
}
