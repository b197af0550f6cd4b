using System.Text.Json;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>
/// <c>hardware_info</c>: MAAS's 18 keys, each a string, "Unknown" unless commissioning found a value
/// (gomaasapi rejects non-string values). Core records only the CPU model so far.
/// </summary>
internal static class HardwareInfoJson
{
    private const string Unknown = "Unknown";

    public static void Write(Utf8JsonWriter writer, Machine machine)
    {
        writer.WriteStartObject("hardware_info"u8);
        writer.WriteString("system_vendor"u8, Unknown);
        writer.WriteString("system_product"u8, Unknown);
        writer.WriteString("system_family"u8, Unknown);
        writer.WriteString("system_version"u8, Unknown);
        writer.WriteString("system_sku"u8, Unknown);
        writer.WriteString("system_serial"u8, Unknown);
        writer.WriteString("cpu_model"u8, machine.CpuModel.Length > 0 ? machine.CpuModel : Unknown);
        writer.WriteString("mainboard_vendor"u8, Unknown);
        writer.WriteString("mainboard_product"u8, Unknown);
        writer.WriteString("mainboard_serial"u8, Unknown);
        writer.WriteString("mainboard_version"u8, Unknown);
        writer.WriteString("mainboard_firmware_vendor"u8, Unknown);
        writer.WriteString("mainboard_firmware_date"u8, Unknown);
        writer.WriteString("mainboard_firmware_version"u8, Unknown);
        writer.WriteString("chassis_vendor"u8, Unknown);
        writer.WriteString("chassis_type"u8, Unknown);
        writer.WriteString("chassis_serial"u8, Unknown);
        writer.WriteString("chassis_version"u8, Unknown);
        writer.WriteEndObject();
    }
}
