using System.Globalization;
using Ingot.Core.Forms;

namespace Ingot.Core.Networks;

/// <summary>
/// MAAS's <c>VLANForm</c>: fields not sent keep their value; racks are rack controller system_ids
/// from <c>racks</c>; DHCP needs a dynamic range on one of the VLAN's subnets and a primary rack;
/// turning DHCP on clears <c>relay_vlan</c>; a missing primary rack is replaced by the secondary.
/// </summary>
internal static class VlanForm
{
    public static void Apply(NetworkModel model, Vlan vlan, NetworkForm form, IReadOnlySet<string> racks)
    {
        var errors = new FormErrors();
        int vid = form.Number("vid", errors) ?? vlan.Vid;
        if (form.Has("vid") && !errors.Has("vid") && vid is < 0 or > 4094)
        {
            errors.Add("vid", "VID must be between 0 and 4094.");
        }

        int mtu = form.Number("mtu", errors) ?? vlan.Mtu;
        if (form.Has("mtu") && !errors.Has("mtu") && mtu < 552)
        {
            errors.Add("mtu", FormErrors.TooSmall(552));
        }

        if (form.Has("mtu") && !errors.Has("mtu") && mtu > 65535)
        {
            errors.Add("mtu", "MTU must be between 552 and 65535.");
        }

        string? primary = Rack(form, "primary_rack", vlan.PrimaryRack, racks, errors);
        string? secondary = Rack(form, "secondary_rack", vlan.SecondaryRack, racks, errors);
        long? relay = Relay(model, vlan, form, errors);
        long? space = SpaceField(model, vlan, form, errors);
        bool dhcpOn = form.Bool("dhcp_on") ?? vlan.DhcpOn;
        bool dhcpValid = true;
        if (dhcpOn && form.Has("dhcp_on") && !model.SubnetsOn(vlan.Id).Any(s => model.RangesOf(s.Id).Any(r => r.Type == IpRangeType.Dynamic)))
        {
            errors.Add("dhcp_on", NetworkErrors.DhcpNeedsDynamicRange);
            dhcpValid = false;
        }

        if (string.IsNullOrEmpty(primary) && vlan.SecondaryRack is not null)
        {
            (primary, secondary) = (vlan.SecondaryRack, null);
        }

        if (primary is not null && primary == vlan.SecondaryRack)
        {
            secondary = null;
        }

        if (secondary is not null && secondary == vlan.PrimaryRack && primary == vlan.PrimaryRack)
        {
            errors.Add("__all__", $"{secondary} is already set as the primary rack controller");
        }
        else if (primary is not null && primary == secondary)
        {
            errors.Add("__all__", NetworkErrors.SameRacks);
        }

        if (dhcpOn && dhcpValid && primary is null && vlan.PrimaryRack is null)
        {
            errors.Add("__all__", NetworkErrors.DhcpNeedsPrimaryRack);
        }

        if (form.Get("name") is { Length: > 256 } longName)
        {
            errors.Add("name", FormErrors.TooLong(256, longName.Length));
        }

        if (form.Has("vid") && vid != vlan.Vid && model.Vlans.Any(v => v.Id != vlan.Id && v.FabricId == vlan.FabricId && v.Vid == vid))
        {
            errors.Add("__all__", "VLAN with this Vid and Fabric already exists.");
        }

        errors.ThrowIfAny();
        vlan.Vid = vid;
        vlan.Mtu = mtu;
        vlan.PrimaryRack = primary;
        vlan.SecondaryRack = secondary;
        vlan.DhcpOn = dhcpOn;
        vlan.RelayVlanId = dhcpOn ? null : relay;
        vlan.SpaceId = space;
        if (form.Has("name"))
        {
            vlan.Name = form.Get("name") is { Length: > 0 } name ? name : null;
        }

        vlan.Description = form.Get("description") ?? vlan.Description;
    }

    private static string? Rack(NetworkForm form, string field, string? current, IReadOnlySet<string> racks, FormErrors errors)
    {
        if (!form.Has(field))
        {
            return current;
        }

        string? value = form.Get(field);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!racks.Contains(value))
        {
            errors.Add(field, NetworkErrors.InvalidChoice);
        }

        return value;
    }

    private static long? Relay(NetworkModel model, Vlan vlan, NetworkForm form, FormErrors errors)
    {
        if (!form.Has("relay_vlan"))
        {
            return vlan.RelayVlanId;
        }

        if (form.Get("relay_vlan") is not { Length: > 0 } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            && model.Vlan(id) is { } target && target.Id != vlan.Id && target.RelayVlanId is null && (!vlan.DhcpOn || vlan.RelayVlanId == id))
        {
            return id;
        }

        errors.Add("relay_vlan", NetworkErrors.InvalidChoice);
        return null;
    }

    private static long? SpaceField(NetworkModel model, Vlan vlan, NetworkForm form, FormErrors errors)
    {
        if (!form.Has("space"))
        {
            return vlan.SpaceId;
        }

        if (form.Get("space") is not { Length: > 0 } specifier || specifier == Space.Undefined)
        {
            return null;
        }

        if (model.FindSpace(specifier) is { } space)
        {
            return space.Id;
        }

        errors.Add("space", NetworkErrors.InvalidChoice);
        return null;
    }
}
