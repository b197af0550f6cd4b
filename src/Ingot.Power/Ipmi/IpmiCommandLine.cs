using System.Globalization;
using System.Text.RegularExpressions;
using Ingot.Core.Power;
using Ingot.Power.Processes;

namespace Ingot.Power.Ipmi;

/// <summary>
/// The FreeIPMI command lines MAAS's IPMI driver runs, built from the power parameters (pure):
/// <c>ipmi-chassis-config … --commit --filename F</c> to set a one-time PXE boot, then
/// <c>ipmipower … --cycle --on-if-off</c>; <c>--off</c> or <c>--soft</c>; <c>--stat</c>.
/// </summary>
public static partial class IpmiCommandLine
{
    public const string IpmiPower = "ipmipower";
    public const string IpmiChassisConfig = "ipmi-chassis-config";

    /// <summary>The chassis configuration MAAS commits before power on (with BIOS_Boot_Type unless the boot type is auto).</summary>
    public static string PxeBootConfig(string bootType)
    {
        string biosBootType = bootType switch
        {
            "efi" => "        BIOS_Boot_Type                                EFI\n",
            "legacy" => "        BIOS_Boot_Type                                PC-COMPATIBLE\n",
            _ => "",
        };
        return "Section Chassis_Boot_Flags\n"
            + "        Boot_Flags_Persistent                         No\n"
            + biosBootType
            + "        Boot_Device                                   PXE\n"
            + "EndSection\n";
    }

    /// <summary>
    /// Arguments common to both tools: <c>-W flags</c>, <c>--driver-type</c>, <c>-h</c>, <c>-u</c>, <c>-p</c>,
    /// <c>-k</c>, <c>-I</c>, <c>-l</c> (OPERATOR when unset, LP:1889788), plus a session timeout when given.
    /// </summary>
    public static List<string> CommonArguments(PowerContext context, bool withKg = true, TimeSpan? sessionTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = new List<string>();
        string[] flags = [.. context.GetList("workaround_flags").Where(f => f.Length > 0)];
        if (flags.Length > 0)
        {
            args.AddRange(["-W", string.Join(',', flags)]);
        }

        if (context.Get("power_driver") is { Length: > 0 } driver)
        {
            args.AddRange(["--driver-type", driver]);
        }

        args.AddRange(["-h", context.Require("power_address")]);
        if (context.Get("power_user") is { Length: > 0 } user)
        {
            args.AddRange(["-u", user]);
        }

        args.AddRange(["-p", context.Get("power_pass")]);
        if (withKg && context.Get("k_g") is { Length: > 0 } kg)
        {
            args.AddRange(["-k", kg]);
        }

        // An explicit "" is "freeipmi-tools default": no -I. Unset means MAAS's default, 3.
        string cipher = context.Parameters.TryGetValue("cipher_suite_id", out string? given) ? given : context.Get("cipher_suite_id");
        if (cipher.Length > 0)
        {
            args.AddRange(["-I", cipher]);
        }

        args.AddRange(["-l", context.Get("privilege_level") is { Length: > 0 } level ? level : "OPERATOR"]);
        if (sessionTimeout is { } timeout)
        {
            args.Add(string.Create(CultureInfo.InvariantCulture, $"--session-timeout={(long)timeout.TotalMilliseconds}"));
        }

        return args;
    }

    public static ProcessInvocation ChassisConfig(IReadOnlyList<string> common, string configFile) =>
        new(IpmiChassisConfig, [.. common, "--commit", "--filename", configFile]);

    public static ProcessInvocation PowerOn(IReadOnlyList<string> common) => new(IpmiPower, [.. common, "--cycle", "--on-if-off"]);

    public static ProcessInvocation PowerOff(IReadOnlyList<string> common, bool soft) => new(IpmiPower, [.. common, soft ? "--soft" : "--off"]);

    public static ProcessInvocation Query(IReadOnlyList<string> common) => new(IpmiPower, [.. common, "--stat"]);

    /// <summary><c>ipmipower --stat</c>'s "host: on|off", as MAAS reads it.</summary>
    public static PowerState? ParseState(string stdout)
    {
        Match match = StateRegex().Match(stdout);
        return !match.Success ? null : match.Groups[1].Value == "on" ? PowerState.On : PowerState.Off;
    }

    [GeneratedRegex(@":\s*(on|off)")]
    private static partial Regex StateRegex();
}
