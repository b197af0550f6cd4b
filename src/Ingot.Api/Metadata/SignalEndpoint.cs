using System.Globalization;
using System.Text.Json;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Scripts;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>op=signal</c>: parse MAAS's parameters (<c>status</c>, <c>error</c>, <c>script_result_id</c>,
/// <c>name</c>, <c>exit_status</c> or its aliases <c>script_result</c>/<c>result</c>, <c>runtime</c>,
/// <c>script_version_id</c>, <c>power_type</c>, <c>power_parameters</c> and the file parts), let Core
/// decide, answer 200 <c>OK</c>. A malformed parameter is a 400 and changes nothing.
/// </summary>
internal static class SignalEndpoint
{
    public static async Task<ApiResult> HandleAsync(MetadataRequest request, Machine machine, CancellationToken ct)
    {
        ApiParameters form = request.Form;
        var signal = new SignalRequest(
            Status: form.Get("status"),
            Error: form.Get("error"),
            ScriptResultId: Long(form, "script_result_id"),
            Name: form.Get("name"),
            ExitStatus: Int(form, "exit_status") ?? Int(form, "script_result") ?? Int(form, "result") ?? 0,
            Runtime: Double(form, "runtime"),
            ScriptVersionId: Int(form, "script_version_id"),
            Uploads: ScriptUpload.Group(request.Files.Select(f => KeyValuePair.Create(f.Name, f.Content.ToArray()))),
            PowerType: NonEmpty(form.Get("power_type")),
            PowerParameters: PowerParameters(form.Get("power_parameters")));
        await request.Service<MachineSignals>().SignalAsync(machine.SystemId, signal, machine, ct);
        return MetadataText.Text("OK");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static long? Long(ApiParameters form, string name) =>
        NonEmpty(form.Get(name)) is not { } text ? null
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value
        : throw ApiException.BadRequest($"Invalid {name}: '{text}' is not an integer.");

    private static int? Int(ApiParameters form, string name) =>
        Long(form, name) is not { } value ? null
        : value is >= int.MinValue and <= int.MaxValue ? (int)value
        : throw ApiException.BadRequest($"Invalid {name}: out of range.");

    private static double? Double(ApiParameters form, string name) =>
        NonEmpty(form.Get(name)) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value
        : throw ApiException.BadRequest($"Invalid {name}: '{text}' is not a number.");

    /// <summary><c>power_parameters</c>: a JSON object; its values are kept as strings.</summary>
    private static Dictionary<string, string>? PowerParameters(string? json)
    {
        if (NonEmpty(json) is not { } text)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.BadRequest("power_parameters must be a JSON object.");
            }

            return document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
                StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("power_parameters is not valid JSON.");
        }
    }
}
