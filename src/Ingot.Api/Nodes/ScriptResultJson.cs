using System.Text.Json.Nodes;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;

namespace Ingot.Api.Nodes;

/// <summary>
/// A script set as <c>nodes/{system_id}/results/</c> renders it (MAAS's <c>NodeScriptResultHandler</c>):
/// the set's id, type (<c>RESULT_TYPE</c>: 0 commissioning, 1 installation, 2 testing), status and
/// times, and its results; with <c>include_output</c> each result carries its output, stdout, stderr
/// and result YAML base64-encoded.
/// </summary>
internal static class ScriptResultJson
{
    public static JsonObject Set(ScriptSet set, bool includeOutput)
    {
        (int type, string typeName) = set.Kind switch
        {
            ScriptSetKind.Installation => (1, "Installation"),
            ScriptSetKind.Testing => (2, "Testing"),
            ScriptSetKind.Release => (3, "Release"),
            _ => (0, "Commissioning"),
        };
        DateTime? started = set.Results.Min(r => r.Started);
        DateTime? ended = set.Results.All(r => r.Status.HasFinished()) ? set.Results.Max(r => r.Ended) : null;
        ScriptStatus status = set.Status;
        return new JsonObject
        {
            ["id"] = set.Id,
            ["system_id"] = set.SystemId,
            ["type"] = type,
            ["type_name"] = typeName,
            ["last_ping"] = Time(set.LastPing),
            ["status"] = (int)status,
            ["status_name"] = status.Label(),
            ["started"] = Time(started),
            ["ended"] = Time(ended),
            ["runtime"] = Runtime(started, ended),
            ["results"] = new JsonArray([.. set.Results.Select(r => (JsonNode)Result(r, includeOutput))]),
            ["resource_uri"] = $"/MAAS/api/2.0/nodes/{set.SystemId}/results/{set.Id}/",
        };
    }

    private static JsonObject Result(ScriptResult result, bool includeOutput)
    {
        var json = new JsonObject
        {
            ["id"] = result.Id,
            ["name"] = result.Name,
            ["created"] = Time(result.Created),
            ["updated"] = Time(result.Updated),
            ["status"] = (int)result.Status,
            ["status_name"] = result.Status.Label(),
            ["exit_status"] = result.ExitStatus,
            ["started"] = Time(result.Started),
            ["ended"] = Time(result.Ended),
            ["runtime"] = result.Runtime is { } seconds ? TimeSpan.FromSeconds(seconds).ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "",
            ["starttime"] = result.Started is { } s ? new DateTimeOffset(s).ToUnixTimeMilliseconds() / 1000.0 : "",
            ["endtime"] = result.Ended is { } e ? new DateTimeOffset(e).ToUnixTimeMilliseconds() / 1000.0 : "",
            ["estimated_runtime"] = "",
            ["parameters"] = new JsonObject(),
            ["script_id"] = result.ScriptId,
            ["script_revision_id"] = result.ScriptVersionId,
            ["suppressed"] = false,
        };
        if (includeOutput)
        {
            json["output"] = Convert.ToBase64String(result.Output);
            json["stdout"] = Convert.ToBase64String(result.Stdout);
            json["stderr"] = Convert.ToBase64String(result.Stderr);
            json["result"] = Convert.ToBase64String(result.Result);
        }

        return json;
    }

    private static string? Time(DateTime? time) =>
        time?.ToString("ddd, dd MMM. yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string Runtime(DateTime? started, DateTime? ended) =>
        started is { } s && ended is { } e ? (e - s).ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "";
}
