using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Scripts;

/// <summary>
/// Whether a script's <c>for_hardware</c> matches a machine (MAAS's <c>_get_hw_pairs</c> and
/// <c>filter_modaliases</c>): an entry equal to one of the machine's <c>system_*</c>, <c>mainboard_*</c>,
/// <c>firmware_*</c> or <c>chassis_*</c> facts written <c>key:value</c>; <c>modalias:&lt;glob&gt;</c> matching
/// one of its modaliases; <c>pci:VVVV:PPPP</c> as the glob <c>pci:v0000VVVVd0000PPPPsv*sd*bc*sc*i*</c> and
/// <c>usb:VVVV:PPPP</c> as <c>usb:vVVVVpPPPPd*dc*dsc*dp*ic*isc*ip*</c> (ids upper-cased; wildcards allowed;
/// malformed ones ignored). Beyond MAAS, a <c>pci:</c>/<c>usb:</c> entry also matches a stored
/// <see cref="NodeDevice"/> with those ids, so a machine whose modaliases were not listed still matches.
/// </summary>
public static class HardwareMatch
{
    private static readonly string[] s_pairPrefixes = ["system_", "mainboard_", "firmware_", "chassis_"];

    public static bool Matches(IReadOnlyList<string> forHardware, Machine machine)
    {
        var pairs = machine.HardwareInfo
            .Where(kv => s_pairPrefixes.Any(p => kv.Key.StartsWith(p, StringComparison.Ordinal)))
            .Select(kv => $"{kv.Key}:{kv.Value}")
            .ToHashSet(StringComparer.Ordinal);
        foreach (string entry in forHardware)
        {
            if (pairs.Contains(entry))
            {
                return true;
            }

            if (Pattern(entry) is not { } pattern)
            {
                continue;
            }

            if (machine.Modaliases.Any(m => Glob.IsMatch(pattern, m)) || MatchesDevice(entry, machine.NodeDevices))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The modalias glob an entry stands for, or null (a <c>key:value</c> fact, or malformed).</summary>
    public static string? Pattern(string entry)
    {
        int colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        string kind = entry[..colon];
        string rest = entry[(colon + 1)..];
        if (kind == "modalias")
        {
            return rest;
        }

        string[] ids = rest.Split(':');
        if (ids.Length != 2)
        {
            return null;
        }

        string vendor = ids[0].ToUpperInvariant();
        string product = ids[1].ToUpperInvariant();
        return kind switch
        {
            "pci" => $"pci:v0000{vendor}d0000{product}sv*sd*bc*sc*i*",
            "usb" => $"usb:v{vendor}p{product}d*dc*dsc*dp*ic*isc*ip*",
            _ => null,
        };
    }

    private static bool MatchesDevice(string entry, IReadOnlyList<NodeDevice> devices)
    {
        string[] parts = entry.Split(':');
        if (parts.Length != 3 || parts[0] is not ("pci" or "usb"))
        {
            return false;
        }

        NodeDeviceBus bus = parts[0] == "pci" ? NodeDeviceBus.Pcie : NodeDeviceBus.Usb;
        return devices.Any(d => d.Bus == bus
            && Glob.IsMatch(parts[1].ToUpperInvariant(), d.VendorId.ToUpperInvariant())
            && Glob.IsMatch(parts[2].ToUpperInvariant(), d.ProductId.ToUpperInvariant()));
    }
}
