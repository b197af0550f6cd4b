using System.Text.Json.Nodes;

namespace Ingot.Sim.Redfish;

/// <summary>One HTTP request to the virtual BMC, as the responder needs it.</summary>
public sealed record RedfishRequest(string Method, string Path, string? Authorization, string? AuthToken, string? IfMatch, string Body);

/// <summary>The responder's answer: status, JSON body (none for 204) and extra headers.</summary>
public sealed record RedfishResponse(int Status, JsonObject? Body, IReadOnlyDictionary<string, string> Headers)
{
    public static RedfishResponse Json(JsonObject body, int status = 200) => new(status, body, new Dictionary<string, string>());

    public static RedfishResponse NoContent() => new(204, null, new Dictionary<string, string>());
}
