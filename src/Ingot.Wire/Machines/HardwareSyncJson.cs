using System.Globalization;
using System.Text.Json;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>
/// The machine's hardware-sync fields in MAAS's order: <c>last_sync</c>, <c>sync_interval</c> (seconds),
/// <c>next_sync</c>, <c>enable_hw_sync</c>; null when unset. Datetimes as MAAS's <c>DjangoJSONEncoder</c> writes the
/// naive UTC values MAAS stores (its test <c>test_GET_returns_hardware_sync_values</c> expects
/// <c>last_sync.isoformat()[:-3]</c>): milliseconds, no zone suffix, e.g. <c>2026-11-29T03:40:12.345</c>
/// (<see cref="Format"/>).
/// MAAS's API has no <c>is_sync_healthy</c> (its UI's websocket has it).
/// </summary>
internal static class HardwareSyncJson
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";
    private const string WholeSeconds = "yyyy-MM-dd'T'HH:mm:ss";

    public static void Write(Utf8JsonWriter writer, Machine machine)
    {
        WriteInstant(writer, "last_sync"u8, machine.LastSync);
        if (machine.SyncInterval is { } interval)
        {
            writer.WriteNumber("sync_interval"u8, interval);
        }
        else
        {
            writer.WriteNull("sync_interval"u8);
        }

        WriteInstant(writer, "next_sync"u8, machine.NextSync);
        writer.WriteBoolean("enable_hw_sync"u8, machine.EnableHwSync);
    }

    /// <summary>
    /// <c>DjangoJSONEncoder</c>'s text: <c>isoformat()</c> cut to milliseconds when there are microseconds, whole seconds
    /// when there are none.
    /// </summary>
    public static string Format(DateTime instant) =>
        instant.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond == 0
            ? instant.ToString(WholeSeconds, CultureInfo.InvariantCulture)
            : instant.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static void WriteInstant(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTime? instant)
    {
        if (instant is { } value)
        {
            writer.WriteString(name, Format(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
