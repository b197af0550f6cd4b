using System.Text.Json.Nodes;
using Ingot.Core.Hardware;
using Ingot.Core.Rendering;

namespace Ingot.Core.NetworkConfig;

/// <summary>
/// A deployed machine's network as cloud-init network config version 1 (what MAAS hands curtin): one entry
/// per interface (<c>physical</c>, <c>bond</c>, <c>bridge</c>, <c>vlan</c>) with its <c>subnets</c>
/// (<c>static</c> for STATIC and allocated AUTO links, <c>dhcp4</c>/<c>dhcp6</c>, <c>manual</c> for link-up),
/// then a global <c>nameserver</c> entry. Pure.
/// </summary>
public static class CloudInitNetworkV1
{
    public static string Render(DeployedNetwork network) => YamlText.Write(new JsonObject { ["network"] = Network(network) });

    /// <summary>The mapping under <c>network:</c>.</summary>
    public static JsonObject Network(DeployedNetwork network)
    {
        IReadOnlySet<InterfaceLink> gateways = network.GatewayLinks();
        var config = new JsonArray();
        foreach (NetworkInterface nic in network.Interfaces)
        {
            var entry = new JsonObject { ["id"] = nic.Name, ["name"] = nic.Name };
            switch (nic.Type)
            {
                case InterfaceType.Bond:
                    entry["type"] = "bond";
                    entry["mac_address"] = nic.MacAddress.ToString();
                    entry["bond_interfaces"] = Strings(nic.Parents);
                    entry["params"] = InterfaceSettings.BondV1(nic.Params);
                    break;
                case InterfaceType.Bridge:
                    entry["type"] = "bridge";
                    entry["mac_address"] = nic.MacAddress.ToString();
                    entry["bridge_interfaces"] = Strings(nic.Parents);
                    entry["params"] = InterfaceSettings.BridgeV1(nic.Params);
                    break;
                case InterfaceType.Vlan:
                    entry["type"] = "vlan";
                    entry["vlan_link"] = nic.Parents.FirstOrDefault() ?? "";
                    entry["vlan_id"] = nic.Vlan ?? 0;
                    break;
                default:
                    entry["type"] = "physical";
                    entry["mac_address"] = nic.MacAddress.ToString();
                    break;
            }

            entry["mtu"] = network.Mtu(nic);
            entry["subnets"] = network.IsBondMember(nic) ? new JsonArray { new JsonObject { ["type"] = "manual" } } : Subnets(network, nic, gateways);
            config.Add(Ordered(entry));
        }

        IReadOnlyList<string> nameservers = network.AllNameservers();
        if (nameservers.Count > 0 || network.SearchDomains.Count > 0)
        {
            config.Add(new JsonObject { ["type"] = "nameserver", ["address"] = Strings(nameservers), ["search"] = Strings(network.SearchDomains) });
        }

        return new JsonObject { ["version"] = 1, ["config"] = config };
    }

    private static JsonArray Subnets(DeployedNetwork network, NetworkInterface nic, IReadOnlySet<InterfaceLink> gateways)
    {
        var subnets = new JsonArray();
        foreach (InterfaceLink link in nic.Links)
        {
            SubnetFacts? subnet = network.Subnet(link);
            switch (link.Mode)
            {
                case LinkMode.Dhcp:
                    subnets.Add(new JsonObject { ["type"] = subnet?.IsIpv6 == true ? "dhcp6" : "dhcp4" });
                    break;
                case LinkMode.Static or LinkMode.Auto when link.IpAddress is { } ip && subnet is not null:
                    var entry = new JsonObject { ["type"] = "static", ["address"] = $"{ip}/{subnet.PrefixLength}" };
                    if (gateways.Contains(link))
                    {
                        entry["gateway"] = subnet.Gateway;
                    }

                    if (subnet.DnsServers.Count > 0)
                    {
                        entry["dns_nameservers"] = Strings(subnet.DnsServers);
                    }

                    subnets.Add(entry);
                    break;
                default:
                    break;
            }
        }

        if (subnets.Count == 0)
        {
            subnets.Add(new JsonObject { ["type"] = "manual" });
        }

        return subnets;
    }

    /// <summary>The entry with <c>type</c> first, as MAAS writes it.</summary>
    private static JsonObject Ordered(JsonObject entry)
    {
        var ordered = new JsonObject { ["type"] = entry["type"]!.DeepClone() };
        foreach ((string key, JsonNode? value) in entry)
        {
            if (key != "type")
            {
                ordered[key] = value?.DeepClone();
            }
        }

        return ordered;
    }

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];
}
