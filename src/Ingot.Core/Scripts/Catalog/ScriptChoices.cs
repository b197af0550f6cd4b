using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingot.Core.Scripts.Catalog;

/// <summary>
/// MAAS's <c>translate_script_type</c>, <c>translate_hardware_type</c>, <c>translate_script_parallel</c>
/// and their choice labels, and Django's duration parsing and <c>str(timedelta)</c> for <c>timeout</c>.
/// A translation returns null and sets <c>error</c> to MAAS's message when it does not know the value.
/// </summary>
public static partial class ScriptChoices
{
    public static IReadOnlyList<string> HardwareTypeNames { get; } = ["Node", "CPU", "Memory", "Storage", "Network", "GPU"];

    public static IReadOnlyList<string> ParallelNames { get; } =
        ["Disabled", "Run along other instances of this script", "Run along any other script."];

    public static string TypeName(ScriptType type) => type switch
    {
        ScriptType.Commissioning => "Commissioning script",
        ScriptType.Testing => "Testing script",
        ScriptType.Release => "Release script",
        _ => "unknown",
    };

    public static ScriptType? Type(string value, out string? error)
    {
        error = null;
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && Enum.IsDefined((ScriptType)n))
            {
                return (ScriptType)n;
            }

            error = "Invalid script type numeric value.";
            return null;
        }

        switch (value.ToLowerInvariant())
        {
            case "test" or "testing":
                return ScriptType.Testing;
            case "commission" or "commissioning":
                return ScriptType.Commissioning;
            case "release":
                return ScriptType.Release;
            default:
                error = "Script type must be testing, commissioning, or release.";
                return null;
        }
    }

    public static int? HardwareType(string value, out string? error)
    {
        error = null;
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n < HardwareTypeNames.Count)
            {
                return n;
            }

            error = "Invalid hardware type numeric value.";
            return null;
        }

        int? type = value.ToLowerInvariant() switch
        {
            "node" or "machine" or "controller" or "other" or "generic" => 0,
            "cpu" or "processor" => 1,
            "memory" or "ram" => 2,
            "storage" or "disk" or "ssd" => 3,
            "network" or "net" or "interface" => 4,
            "gpu" or "graphics" => 5,
            _ => null,
        };
        error = type is null ? "Hardware type must be node, cpu, memory, storage, or gpu" : null;
        return type;
    }

    public static int? Parallel(string value, out string? error)
    {
        error = null;
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n < ParallelNames.Count)
            {
                return n;
            }

            error = "Invalid script parallel numeric value.";
            return null;
        }

        int? parallel = value.ToLowerInvariant() switch
        {
            "disabled" or "none" => 0,
            "instance" or "name" => 1,
            "any" or "enabled" => 2,
            _ => null,
        };
        error = parallel is null ? "Script parallel must be disabled, instance, or any." : null;
        return parallel;
    }

    /// <summary>Django's <c>parse_duration</c> (standard format: <c>[D [days, ]][[HH:]MM:]SS[.ffffff]</c>), whole seconds; null when invalid.</summary>
    public static int? Duration(string value)
    {
        Match m = DurationPattern().Match(value.Trim());
        if (!m.Success)
        {
            return null;
        }

        static long Part(Group g) => g.Success ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        long seconds = (Part(m.Groups["days"]) * 86400) + (Part(m.Groups["hours"]) * 3600) + (Part(m.Groups["minutes"]) * 60) + Part(m.Groups["seconds"]);
        if (m.Groups["sign"].Value == "-")
        {
            seconds = -seconds;
        }

        return seconds is < 0 or > int.MaxValue ? null : (int)seconds;
    }

    /// <summary>Python's <c>str(timedelta(seconds=n))</c>: <c>0:05:00</c>, <c>1 day, 2:00:00</c>.</summary>
    public static string TimeoutText(int seconds)
    {
        int days = seconds / 86400;
        int rest = seconds % 86400;
        string clock = string.Create(CultureInfo.InvariantCulture, $"{rest / 3600}:{rest / 60 % 60:00}:{rest % 60:00}");
        return days == 0 ? clock : string.Create(CultureInfo.InvariantCulture, $"{days} day{(days == 1 ? "" : "s")}, {clock}");
    }

    [GeneratedRegex(@"^(?:(?<days>-?\d+) (?:days?, )?)?(?<sign>-?)(?:(?<hours>\d+):(?=\d+:\d+))?(?:(?<minutes>\d+):)?(?<seconds>\d+)(?:[\.,]\d{1,6}\d{0,6})?$")]
    private static partial Regex DurationPattern();
}
