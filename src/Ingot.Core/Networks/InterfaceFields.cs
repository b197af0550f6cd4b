using System.Globalization;
using System.Text.RegularExpressions;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;

namespace Ingot.Core.Networks;

/// <summary>
/// The fields of MAAS's interface forms (<c>InterfaceForm</c> and its bond, bridge and VLAN kinds), read
/// from a request with Django's and MAAS's messages: choices, whole numbers with their bounds, the MTU
/// (at least 552, Linux's minimum), tags, names and MAC addresses. Pure: errors go to the given
/// <see cref="FormErrors"/>, values into the given <see cref="InterfaceParams"/>.
/// </summary>
public static partial class InterfaceFields
{
    public static readonly string[] BondModes = ["balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"];

    public static readonly string[] LacpRates = ["slow", "fast"];

    public static readonly string[] XmitHashPolicies = ["layer2", "layer2+3", "layer3+4", "encap2+3", "encap3+4"];

    public static readonly string[] BridgeTypes = ["standard", "ovs"];

    /// <summary>The MTU and IPv6 fields every interface kind has.</summary>
    public static void ReadCommon(NetworkForm form, FormErrors errors, InterfaceParams into)
    {
        Set(form, "mtu", () => into.Mtu = Number(form, "mtu", errors, 552, null), () => into.Mtu = null);
        Set(form, "accept_ra", () => into.AcceptRa = form.Bool("accept_ra"), () => into.AcceptRa = null);
    }

    /// <summary>The <c>bond_*</c> fields; a new bond takes MAAS's initial values for those not given.</summary>
    public static void ReadBond(NetworkForm form, FormErrors errors, InterfaceParams into, bool created)
    {
        into.BondMode = Choice(form, "bond_mode", BondModes, errors) ?? into.BondMode ?? (created ? BondModes[0] : null);
        into.BondMiimon = Number(form, "bond_miimon", errors, 0, null) ?? into.BondMiimon ?? (created ? 100 : null);
        into.BondDowndelay = Number(form, "bond_downdelay", errors, 0, null) ?? into.BondDowndelay ?? (created ? 0 : null);
        into.BondUpdelay = Number(form, "bond_updelay", errors, 0, null) ?? into.BondUpdelay ?? (created ? 0 : null);
        into.BondLacpRate = Choice(form, "bond_lacp_rate", LacpRates, errors) ?? into.BondLacpRate ?? (created ? LacpRates[0] : null);
        into.BondXmitHashPolicy = Choice(form, "bond_xmit_hash_policy", XmitHashPolicies, errors) ?? into.BondXmitHashPolicy ?? (created ? XmitHashPolicies[0] : null);
        into.BondNumGratArp = Number(form, "bond_num_grat_arp", errors, 0, 255) ?? into.BondNumGratArp ?? (created ? 1 : null);
    }

    /// <summary>The <c>bridge_*</c> fields; a new bridge is a standard one with STP off and a 15 s forward delay unless told.</summary>
    public static void ReadBridge(NetworkForm form, FormErrors errors, InterfaceParams into, bool created)
    {
        into.BridgeType = Choice(form, "bridge_type", BridgeTypes, errors) ?? into.BridgeType ?? (created ? BridgeTypes[0] : null);
        into.BridgeStp = form.Bool("bridge_stp") ?? into.BridgeStp ?? (created ? false : null);
        into.BridgeFd = Number(form, "bridge_fd", errors, 0, null) ?? into.BridgeFd ?? (created ? 15 : null);
    }

    /// <summary>Tags: repeated keys, each possibly comma-separated; blanks dropped, repeats kept once.</summary>
    public static List<string> Tags(NetworkForm form) =>
        [.. form.GetAll("tags").SelectMany(t => t.Split(',')).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>An interface name: at most 255 characters of letters, digits and <c>_ . : -</c> (no spaces or slashes).</summary>
    public static void CheckName(string field, string? name, FormErrors errors) =>
        errors.CheckName(field, name, 255, NamePattern());

    /// <summary>A MAC address field: MAAS's message for one that is not well formed.</summary>
    public static MacAddress? Mac(NetworkForm form, string field, FormErrors errors)
    {
        if (form.Get(field) is not { Length: > 0 } text)
        {
            return null;
        }

        if (MacAddress.TryParse(text, out MacAddress mac))
        {
            return mac;
        }

        errors.Add(field, $"'{text}' is not a valid MAC address.");
        return null;
    }

    /// <summary>MAAS's <c>compose_invalid_choice_text</c>.</summary>
    public static string InvalidChoice(string field, string value, IEnumerable<string> choices) =>
        $"'{value}' is not a valid {field}.  It should be one of: {string.Join(", ", choices.Select(c => $"'{c}'"))}.";

    private static string? Choice(NetworkForm form, string field, string[] choices, FormErrors errors)
    {
        if (form.Get(field) is not { } text || text.Trim().Length == 0)
        {
            return null;
        }

        if (choices.Contains(text.Trim(), StringComparer.Ordinal))
        {
            return text.Trim();
        }

        errors.Add(field, InvalidChoice(field, text, choices));
        return null;
    }

    /// <summary>A whole number of at least <paramref name="min"/> (and at most <paramref name="max"/>), with Django's messages.</summary>
    public static int? Number(NetworkForm form, string field, FormErrors errors, int min, int? max)
    {
        int? value = form.Number(field, errors);
        if (value < min)
        {
            errors.Add(field, FormErrors.TooSmall(min));
            return null;
        }

        if (value > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Ensure this value is less than or equal to {max}."));
            return null;
        }

        return value;
    }

    /// <summary>A field sent with a value sets it; sent empty clears it (MAAS's <c>_set_param</c>); not sent leaves it.</summary>
    private static void Set(NetworkForm form, string field, Action set, Action clear)
    {
        if (form.Get(field) is { } text)
        {
            if (text.Trim().Length == 0)
            {
                clear();
            }
            else
            {
                set();
            }
        }
    }

    [GeneratedRegex(@"^[\w\-.:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
