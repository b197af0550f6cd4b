using System.Text.Json;
using System.Text.Json.Serialization;
using Ingot.Core.Hardware;

namespace Ingot.Data.Stores;

/// <summary>
/// A comparable text form of a machine's disks and interfaces, so that a save rewrites the child
/// rows only when the hardware actually changed (most saves are status changes). Every public
/// property takes part, so a property added to the hardware model is never silently left unsaved.
/// </summary>
internal static class HardwareFingerprint
{
    private static readonly JsonSerializerOptions s_options = new() { Converters = { new MacAddressText() } };

    public static string Of(IEnumerable<BlockDevice> disks) => JsonSerializer.Serialize(disks, s_options);

    public static string Of(IEnumerable<NetworkInterface> interfaces) => JsonSerializer.Serialize(interfaces, s_options);

    private sealed class MacAddressText : JsonConverter<MacAddress>
    {
        public override MacAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            MacAddress.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, MacAddress value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
