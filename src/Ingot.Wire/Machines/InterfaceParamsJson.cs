using System.Text.Json;
using Ingot.Core.Hardware;

namespace Ingot.Wire.Machines;

/// <summary>An interface's <c>params</c> as MAAS shows them: a dict of the set keys (<c>bond_mode</c>, <c>mtu</c>…), or <c>""</c> when none is set.</summary>
internal static class InterfaceParamsJson
{
    public static void Write(Utf8JsonWriter writer, InterfaceParams p)
    {
        if (p.IsEmpty)
        {
            writer.WriteString("params"u8, ""u8);
            return;
        }

        writer.WriteStartObject("params"u8);
        Text(writer, "bond_mode", p.BondMode);
        Number(writer, "bond_miimon", p.BondMiimon);
        Number(writer, "bond_downdelay", p.BondDowndelay);
        Number(writer, "bond_updelay", p.BondUpdelay);
        Text(writer, "bond_lacp_rate", p.BondLacpRate);
        Text(writer, "bond_xmit_hash_policy", p.BondXmitHashPolicy);
        Number(writer, "bond_num_grat_arp", p.BondNumGratArp);
        Text(writer, "bridge_type", p.BridgeType);
        if (p.BridgeStp is bool stp)
        {
            writer.WriteBoolean("bridge_stp", stp);
        }

        Number(writer, "bridge_fd", p.BridgeFd);
        Number(writer, "mtu", p.Mtu);
        if (p.AcceptRa is bool acceptRa)
        {
            writer.WriteBoolean("accept_ra", acceptRa);
        }

        writer.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter writer, string key, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(key, value);
        }
    }

    private static void Number(Utf8JsonWriter writer, string key, int? value)
    {
        if (value is int number)
        {
            writer.WriteNumber(key, number);
        }
    }
}
