using System.Globalization;
using System.Net;
using Ingot.Core.Forms;

namespace Ingot.Core.Networks;

/// <summary>
/// MAAS's <c>SubnetForm</c>: <c>cidr</c> in <c>network/prefix</c> form and unique; the gateway inside the
/// CIDR; DNS servers as repeated values or space/comma separated; <c>allow_dns</c>, <c>allow_proxy</c> and
/// <c>managed</c> default to true; the VLAN from <c>vlan</c>, <c>fabric</c> and <c>vid</c> on create only;
/// spaces are set on VLANs, not subnets.
/// </summary>
internal static class SubnetForm
{
    public static void Apply(NetworkModel model, Subnet subnet, NetworkForm form, bool creating)
    {
        var errors = new FormErrors();
        if (form.Has("space"))
        {
            errors.Add("space", "Spaces may no longer be set on subnets. Set the space on the underlying VLAN.");
        }

        string cidr = subnet.Cidr;
        if (creating || form.Has("cidr"))
        {
            cidr = Cidr(model, subnet, form.Get("cidr"), errors) ?? subnet.Cidr;
        }

        long vlanId = creating ? VlanFor(model, form, errors) : subnet.VlanId;
        if (!creating && form.Get("vlan") is { Length: > 0 } vlanText)
        {
            vlanId = long.TryParse(vlanText, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && model.Vlan(id) is not null
                ? id
                : Invalid(errors, "vlan");
        }

        string? gateway = subnet.GatewayIp;
        if (form.Has("gateway_ip"))
        {
            gateway = form.Get("gateway_ip") is { Length: > 0 } text ? text.Trim() : null;
            if (gateway is not null && IpNumbers.Parse(gateway) is not { } address)
            {
                errors.Add("gateway_ip", "Enter a valid IPv4 or IPv6 address.");
            }
            else if (gateway is not null && IpNumbers.ParseCidr(cidr) is { } network && !network.Contains(IPAddress.Parse(gateway))
                && !(network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && IPAddress.Parse(gateway).IsIPv6LinkLocal))
            {
                errors.Add("gateway_ip", NetworkErrors.GatewayOutsideSubnet);
            }
        }

        List<string> dns = subnet.DnsServers;
        if (form.Has("dns_servers"))
        {
            dns = [.. form.GetAll("dns_servers").SelectMany(v => v.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))];
            if (dns.Any(d => IpNumbers.Parse(d) is null))
            {
                errors.Add("dns_servers", "Invalid IP address list.");
            }
        }

        int rdns = form.Number("rdns_mode", errors) ?? subnet.RdnsMode;
        if (form.Has("rdns_mode") && !errors.Has("rdns_mode") && rdns is < 0 or > 2)
        {
            errors.Add("rdns_mode", $"Select a valid choice. {rdns} is not one of the available choices.");
        }

        errors.ThrowIfAny();
        string name = form.Get("name") is { Length: > 0 } given ? given
            : creating || subnet.Name == subnet.Cidr ? cidr : subnet.Name;
        subnet.Name = name;
        subnet.Cidr = cidr;
        subnet.VlanId = vlanId;
        subnet.GatewayIp = gateway;
        subnet.DnsServers = dns;
        subnet.RdnsMode = rdns;
        subnet.Description = form.Get("description") ?? subnet.Description;
        subnet.AllowDns = form.Bool("allow_dns") ?? (creating || subnet.AllowDns);
        subnet.AllowProxy = form.Bool("allow_proxy") ?? (creating || subnet.AllowProxy);
        subnet.Managed = form.Bool("managed") ?? (creating || subnet.Managed);
        subnet.ActiveDiscovery = form.Bool("active_discovery") ?? subnet.ActiveDiscovery;
    }

    private static string? Cidr(NetworkModel model, Subnet subnet, string? text, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("cidr", FormErrors.Required);
            return null;
        }

        if (IpNumbers.ParseCidr(text.Trim()) is not { } network)
        {
            errors.Add("cidr", "Required format: <network>/<prefixlen>.");
            return null;
        }

        if (network.PrefixLength == 0)
        {
            errors.Add("cidr", "Prefix length must be greater than 0.");
            return null;
        }

        string cidr = network.ToString();
        if (model.Subnets.Any(s => s.Id != subnet.Id && s.Cidr == cidr))
        {
            errors.Add("cidr", FormErrors.AlreadyExists("Subnet", "Cidr"));
        }

        return cidr;
    }

    private static long VlanFor(NetworkModel model, NetworkForm form, FormErrors errors)
    {
        Fabric? fabric = null;
        if (form.Get("fabric") is { Length: > 0 } fabricText)
        {
            fabric = long.TryParse(fabricText, NumberStyles.None, CultureInfo.InvariantCulture, out long fabricId) ? model.Fabric(fabricId) : null;
            if (fabric is null)
            {
                return Invalid(errors, "fabric");
            }
        }

        Vlan? vlan = null;
        if (form.Get("vlan") is { Length: > 0 } vlanText)
        {
            vlan = long.TryParse(vlanText, NumberStyles.None, CultureInfo.InvariantCulture, out long vlanId) ? model.Vlan(vlanId) : null;
            if (vlan is null)
            {
                return Invalid(errors, "vlan");
            }
        }

        int? vid = form.Number("vid", errors);
        if (vid is < 0 or > 4094)
        {
            errors.Add("vid", vid < 0 ? FormErrors.TooSmall(0) : "Ensure this value is less than or equal to 4094.");
            return 0;
        }

        if (vlan is not null)
        {
            if (fabric is not null && vlan.FabricId != fabric.Id)
            {
                errors.Add("vlan", $"VLAN {model.Fabric(vlan.FabricId)?.DisplayName}.{model.VlanName(vlan)} is not in fabric {fabric.DisplayName}.");
            }

            return vlan.Id;
        }

        Fabric target = fabric ?? model.Fabric(Fabric.DefaultId) ?? model.Fabrics.MinBy(f => f.Id)!;
        if (vid is null or 0)
        {
            return model.DefaultVlan(target.Id)!.Id;
        }

        if (model.Vlans.FirstOrDefault(v => v.FabricId == target.Id && v.Vid == vid) is { } byVid)
        {
            return byVid.Id;
        }

        errors.Add("vid", fabric is null ? $"No VLAN with vid {vid} in default fabric." : $"No VLAN with vid {vid} in fabric {fabric.DisplayName}.");
        return 0;
    }

    private static long Invalid(FormErrors errors, string field)
    {
        errors.Add(field, NetworkErrors.InvalidChoice);
        return 0;
    }
}
