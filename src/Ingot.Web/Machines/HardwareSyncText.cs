using System.Globalization;
using Ingot.Core.Machines;

namespace Ingot.Web.Machines;

/// <summary>
/// The machine page's hardware-sync line for a machine whose deployed OS sends its hardware back
/// (MAAS's <c>enable_hw_sync</c>): how often, when it last reported and when the next report is due; late when
/// MAAS's <c>is_sync_healthy</c> says no (<see cref="Machine.IsSyncHealthy"/>: the next report is over half an
/// interval overdue) after a first report. Null when hardware sync is off.
/// </summary>
public static class HardwareSyncText
{
    public static (string Text, bool Late)? For(Machine machine, DateTime now)
    {
        if (!machine.EnableHwSync)
        {
            return null;
        }

        string every = machine.SyncInterval is { } seconds and > 0 ? $"every {Interval(seconds)}" : "no interval";
        if (machine.LastSync is not { } last)
        {
            return ($"On, {every}; no report yet", false);
        }

        string next = machine.NextSync is { } due ? $", next due {Display.Time(due)}" : "";
        return machine.IsSyncHealthy(now)
            ? ($"On, {every}; last report {Display.Time(last)}{next}", false)
            : ($"Late: no report since {Display.Time(last)}{next}; {every}", true);
    }

    /// <summary>A sync interval as hours, minutes and seconds ("15 min", "1 h 30 min", "90 s" is "1 min 30 s").</summary>
    public static string Interval(int seconds)
    {
        var parts = new List<string>();
        foreach ((int size, string unit) in new[] { (3600, "h"), (60, "min"), (1, "s") })
        {
            if (seconds >= size)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{seconds / size} {unit}"));
                seconds %= size;
            }
        }

        return parts.Count > 0 ? string.Join(' ', parts) : "0 s";
    }
}
