using System.Text.Json.Nodes;
using Ingot.Sim.Boot;

namespace Ingot.Sim.Operator;

/// <summary>
/// The operator setup simulated machines need, all through the REST API: the commissioning image
/// names the sim's boot resource, the relay's subnet (or the namespace link's) with a dynamic range, and DHCP
/// on its VLAN with the rack as primary — what an operator does for a real rack behind a relay.
/// Running it again changes nothing (an existing subnet is reused).
/// </summary>
public static class SimLab
{
    public static async Task PrepareAsync(IngotApi api, SimNetwork network, string osystem, string series, CancellationToken ct)
    {
        foreach ((string name, string value) in new[] { ("commissioning_osystem", osystem), ("commissioning_distro_series", series) })
        {
            await api.PostAsync("maas/?op=set_config", ct, ("name", name), ("value", value));
        }

        JsonArray subnets = (await api.GetAsync("subnets/", ct))!.AsArray();
        JsonNode? subnet = subnets.FirstOrDefault(s => s?["cidr"]?.GetValue<string>() == network.Subnet);
        if (subnet is null)
        {
            // Behind the loopback relay the relay is the subnet's gateway (its giaddr picks the subnet); on a
            // namespace's link the DHCP listener's interface picks it, and the sim knows no router there.
            subnet = network.Namespace is null
                ? await api.PostAsync("subnets/", ct, ("cidr", network.Subnet), ("gateway_ip", network.Relay.ToString()), ("name", "sim-relay"))
                : await api.PostAsync("subnets/", ct, ("cidr", network.Subnet), ("name", $"sim-{network.Namespace.Name}"));
            await api.PostAsync("ipranges/", ct, ("type", "dynamic"), ("start_ip", network.RangeStart.ToString()), ("end_ip", network.RangeEnd.ToString()), ("comment", "simulated machines"));
        }

        string rack = (await api.GetAsync("rackcontrollers/", ct))!.AsArray()[0]!["system_id"]!.GetValue<string>();
        JsonNode vlan = subnet!["vlan"]!;
        await api.PutAsync(
            $"fabrics/{vlan["fabric_id"]!.GetValue<long>()}/vlans/{vlan["vid"]!.GetValue<long>()}/",
            ct,
            ("dhcp_on", "true"),
            ("primary_rack", rack));
    }
}
