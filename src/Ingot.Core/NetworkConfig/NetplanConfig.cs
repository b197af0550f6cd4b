using System.Text.Json.Nodes;
using Ingot.Core.Hardware;
using Ingot.Core.Rendering;

namespace Ingot.Core.NetworkConfig;

/// <summary>
/// A deployed machine's network as netplan v2 (also cloud-init's network config version 2, which is netplan's
/// schema): <c>ethernets</c> matched by MAC and renamed, <c>bonds</c> (MAAS's default bond parameters),
/// <c>bridges</c>, <c>vlans</c>; static and AUTO links become addresses, DHCP links <c>dhcp4</c>/<c>dhcp6</c>,
/// the default gateway a default route. Pure.
/// </summary>
public static class NetplanConfig
{
    public static string Render(DeployedNetwork network) => YamlText.Write(new JsonObject { ["network"] = Network(network) });

    /// <summary>The mapping under <c>network:</c>.</summary>
    public static JsonObject Network(DeployedNetwork network)
    {
        IReadOnlySet<InterfaceLink> gateways = network.GatewayLinks();
        var ethernets = new JsonObject();
        var bonds = new JsonObject();
        var bridges = new JsonObject();
        var vlans = new JsonObject();
        foreach (NetworkInterface nic in network.Interfaces)
        {
            var entry = new JsonObject();
            switch (nic.Type)
            {
                case InterfaceType.Bond:
                    entry["interfaces"] = Strings(nic.Parents);
                    entry["macaddress"] = nic.MacAddress.ToString();
                    entry["parameters"] = InterfaceSettings.BondNetplan(nic.Params);
                    bonds[nic.Name] = entry;
                    break;
                case InterfaceType.Bridge:
                    entry["interfaces"] = Strings(nic.Parents);
                    entry["macaddress"] = nic.MacAddress.ToString();
                    entry["parameters"] = InterfaceSettings.BridgeNetplan(nic.Params);
                    if (InterfaceSettings.IsOvs(nic.Params))
                    {
                        entry["openvswitch"] = new JsonObject();
                    }

                    bridges[nic.Name] = entry;
                    break;
                case InterfaceType.Vlan:
                    entry["id"] = nic.Vlan ?? 0;
                    entry["link"] = nic.Parents.FirstOrDefault() ?? "";
                    vlans[nic.Name] = entry;
                    break;
                default:
                    entry["match"] = new JsonObject { ["macaddress"] = nic.MacAddress.ToString() };
                    entry["set-name"] = nic.Name;
                    ethernets[nic.Name] = entry;
                    break;
            }

            entry["mtu"] = network.Mtu(nic);
            if (!network.IsBondMember(nic))
            {
                AddAddresses(network, nic, entry, gateways);
            }
        }

        var result = new JsonObject { ["version"] = 2 };
        foreach ((string key, JsonObject section) in (ReadOnlySpan<(string, JsonObject)>)[("ethernets", ethernets), ("bonds", bonds), ("bridges", bridges), ("vlans", vlans)])
        {
            if (section.Count > 0)
            {
                result[key] = section;
            }
        }

        return result;
    }

    private static void AddAddresses(DeployedNetwork network, NetworkInterface nic, JsonObject entry, IReadOnlySet<InterfaceLink> gateways)
    {
        var addresses = new JsonArray();
        var routes = new JsonArray();
        var nameservers = new List<string>();
        foreach (InterfaceLink link in nic.Links)
        {
            SubnetFacts? subnet = network.Subnet(link);
            switch (link.Mode)
            {
                case LinkMode.Dhcp:
                    entry[subnet?.IsIpv6 == true ? "dhcp6" : "dhcp4"] = true;
                    break;
                case LinkMode.Static or LinkMode.Auto when link.IpAddress is { } ip && subnet is not null:
                    addresses.Add($"{ip}/{subnet.PrefixLength}");
                    nameservers.AddRange(subnet.DnsServers);
                    if (gateways.Contains(link))
                    {
                        routes.Add(new JsonObject { ["to"] = "default", ["via"] = subnet.Gateway });
                    }

                    break;
                default:
                    break;
            }
        }

        if (addresses.Count > 0)
        {
            entry["addresses"] = addresses;
        }

        if (routes.Count > 0)
        {
            entry["routes"] = routes;
        }

        if (addresses.Count > 0)
        {
            var ns = new JsonObject();
            List<string> resolvers = [.. nameservers.Concat(network.Nameservers).Distinct(StringComparer.Ordinal)];
            if (resolvers.Count > 0)
            {
                ns["addresses"] = Strings(resolvers);
            }

            if (network.SearchDomains.Count > 0)
            {
                ns["search"] = Strings(network.SearchDomains);
            }

            if (ns.Count > 0)
            {
                entry["nameservers"] = ns;
            }
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];
}
