using System.Text.Json.Nodes;
using Ingot.Core.Hardware;

namespace Ingot.Core.NetworkConfig;

/// <summary>
/// A bond's and a bridge's <see cref="InterfaceParams"/> as the renderers write them: netplan's <c>parameters</c>
/// (MAAS's mapping: <c>mode</c>, <c>mii-monitor-interval</c>, <c>up-delay</c>, <c>down-delay</c>, <c>lacp-rate</c>
/// for 802.3ad, <c>transmit-hash-policy</c> for the hashing modes, <c>gratuitous-arp</c>) and cloud-init v1's
/// <c>bond-*</c>/<c>bridge_*</c> params. Unset values take MAAS's defaults (balance-rr, 100 ms, STP off, 15 s). Pure.
/// </summary>
public static class InterfaceSettings
{
    private static readonly string[] s_hashing = ["balance-xor", "802.3ad", "balance-tlb"];

    public static JsonObject BondNetplan(InterfaceParams p)
    {
        string mode = p.BondMode ?? "balance-rr";
        var parameters = new JsonObject { ["mode"] = mode, ["mii-monitor-interval"] = p.BondMiimon ?? 100 };
        Add(parameters, "up-delay", p.BondUpdelay is > 0 ? p.BondUpdelay : null);
        Add(parameters, "down-delay", p.BondDowndelay is > 0 ? p.BondDowndelay : null);
        Add(parameters, "lacp-rate", mode == "802.3ad" ? p.BondLacpRate : null);
        Add(parameters, "transmit-hash-policy", s_hashing.Contains(mode) ? p.BondXmitHashPolicy : null);
        Add(parameters, "gratuitous-arp", p.BondNumGratArp is > 1 ? p.BondNumGratArp : null);
        return parameters;
    }

    public static JsonObject BondV1(InterfaceParams p)
    {
        var parameters = new JsonObject
        {
            ["bond-mode"] = p.BondMode ?? "balance-rr",
            ["bond-miimon"] = p.BondMiimon ?? 100,
            ["bond-downdelay"] = p.BondDowndelay ?? 0,
            ["bond-updelay"] = p.BondUpdelay ?? 0,
        };
        Add(parameters, "bond-lacp-rate", p.BondLacpRate);
        Add(parameters, "bond-xmit-hash-policy", p.BondXmitHashPolicy);
        Add(parameters, "bond-num-grat-arp", p.BondNumGratArp);
        return parameters;
    }

    public static JsonObject BridgeNetplan(InterfaceParams p) =>
        new() { ["forward-delay"] = p.BridgeFd ?? 15, ["stp"] = p.BridgeStp ?? false };

    public static JsonObject BridgeV1(InterfaceParams p) =>
        new() { ["bridge_stp"] = p.BridgeStp ?? false, ["bridge_fd"] = p.BridgeFd ?? 15 };

    /// <summary>Whether the bridge is an Open vSwitch one (netplan's <c>openvswitch: {}</c>).</summary>
    public static bool IsOvs(InterfaceParams p) => p.BridgeType == "ovs";

    private static void Add(JsonObject into, string key, string? value)
    {
        if (value is not null)
        {
            into[key] = value;
        }
    }

    private static void Add(JsonObject into, string key, int? value)
    {
        if (value is int number)
        {
            into[key] = number;
        }
    }
}
