using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingot.Core.HardwareSync;

/// <summary>
/// MAAS's <c>hardware_sync_interval</c> syntax (<c>parse_systemd_interval</c>, <c>src/maasserver/utils/converters.py</c>):
/// optional hours, then minutes, then seconds, each a number with a unit (<c>h|hr|hour|hours</c>,
/// <c>m|min|minute|minutes</c>, <c>s|sec|second|seconds</c>), at most one space before a unit and after it, e.g.
/// <c>15m</c>, <c>1h 30m</c>, <c>2 hours 5 minutes 10 seconds</c>. As in MAAS the match is taken from the start of
/// the text and whatever follows it is ignored (<c>re.match</c>); nothing matched at all is refused with MAAS's
/// text (<see cref="Refusal"/>). MAAS stores the seconds in an integer column; a value beyond it is refused with the
/// same text (MAAS fails with an overflow there). Digits are ASCII only (Python's <c>\d</c> also takes other scripts' digits).
/// </summary>
public static partial class SyncInterval
{
    /// <summary>MAAS's default: <c>"15m"</c>.</summary>
    public const string Default = "15m";

    /// <summary>The default in seconds.</summary>
    public const int DefaultSeconds = 900;

    /// <summary>The seconds of <paramref name="text"/>, or null when MAAS refuses it.</summary>
    public static int? Seconds(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Match match = Pattern().Match(text);
        if (match.Length == 0)
        {
            return null;
        }

        long total = (Part(match, "hours") * 3600) + (Part(match, "minutes") * 60) + Part(match, "seconds");
        return total is >= 0 and <= int.MaxValue ? (int)total : null;
    }

    /// <summary>
    /// MAAS's <c>SystemdIntervalField</c> error: "value is not a valid interval: &lt;value&gt;, only
    /// 'h|hr|hour|hours, m|min|minute|minutes, s|sec|second|seconds' are valid units".
    /// </summary>
    public static string Refusal(string value) =>
        $"value is not a valid interval: {value}, only 'h|hr|hour|hours, m|min|minute|minutes, s|sec|second|seconds' are valid units";

    /// <summary>
    /// MAAS's <c>systemd_interval_to_calendar</c>: the timer's <c>OnCalendar=</c> for an interval, each part as a
    /// repetition from zero (<c>15m</c> → <c>*-*-* *:00/15:00</c>, <c>2h</c> → <c>*-*-* 00/2:00:00</c>; one hour is
    /// every hour, <c>*</c>). Null when MAAS refuses the text.
    /// </summary>
    public static string? Calendar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match match = Pattern().Match(text);
        if (match.Length == 0)
        {
            return null;
        }

        string? hours = Digits(match, "hours"), minutes = Digits(match, "minutes"), seconds = Digits(match, "seconds");
        string hour = hours is not null && hours != "1" ? $"00/{hours}" : "*";
        string second = seconds is not null ? $"00/{seconds}" : "00";
        string minute = minutes is not null ? $"00/{minutes}" : second == "00" ? "00" : "*";
        return $"*-*-* {hour}:{minute}:{second}";
    }

    private static string? Digits(Match match, string name) => match.Groups[name] is { Success: true } group ? group.Value : null;

    /// <summary>Each part's digits, as few as can be taken before its unit (the units are tried longest first).</summary>
    private static long Part(Match match, string name)
    {
        Group group = match.Groups[name];
        if (!group.Success)
        {
            return 0;
        }

        // More digits than a long holds: a number no interval can be (refused by the range check).
        return long.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value <= int.MaxValue
            ? value
            : (long)int.MaxValue + 1;
    }

    [GeneratedRegex(
        @"\A((?<hours>[0-9]+?)(\s?(hour(s?)|hr|h))\s?)?((?<minutes>[0-9]+?)(\s?(minute(s?)|min|m))\s?)?((?<seconds>[0-9]+?)(\s?(second(s?)|sec|s))\s?)?",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
