using System.Text.Json;
using Ingot.Core.Machines;

namespace Ingot.Wire.Machines;

/// <summary>
/// <c>hardware_info</c>: MAAS's 18 keys, each a string, "Unknown" unless commissioning found a value
/// (gomaasapi rejects non-string values); the values are the machine's <c>HardwareInfo</c> and <c>CpuModel</c>.
/// </summary>
internal static class HardwareInfoJson
{
    private const string Unknown = "Unknown";

    public static void Write(Utf8JsonWriter writer, Machine machine)
    {
        writer.WriteStartObject("hardware_info"u8);
        WriteKey(writer, machine, "system_vendor");
        WriteKey(writer, machine, "system_product");
        WriteKey(writer, machine, "system_family");
        WriteKey(writer, machine, "system_version");
        WriteKey(writer, machine, "system_sku");
        WriteKey(writer, machine, "system_serial");
        writer.WriteString("cpu_model"u8, machine.CpuModel.Length > 0 ? machine.CpuModel : Unknown);
        WriteKey(writer, machine, "mainboard_vendor");
        WriteKey(writer, machine, "mainboard_product");
        WriteKey(writer, machine, "mainboard_serial");
        WriteKey(writer, machine, "mainboard_version");
        WriteKey(writer, machine, "mainboard_firmware_vendor");
        WriteKey(writer, machine, "mainboard_firmware_date");
        WriteKey(writer, machine, "mainboard_firmware_version");
        WriteKey(writer, machine, "chassis_vendor");
        WriteKey(writer, machine, "chassis_type");
        WriteKey(writer, machine, "chassis_serial");
        WriteKey(writer, machine, "chassis_version");
        writer.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter writer, Machine machine, string key) =>
        writer.WriteString(key, machine.HardwareInfo.TryGetValue(key, out string? value) && value.Length > 0 ? value : Unknown);
}
