using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingot.Sim.Redfish;

/// <summary>
/// The virtual BMC's Redfish logic, pure over <see cref="RedfishRequest"/>: the service root is open,
/// login is a POST to Sessions, everything else needs Basic credentials or a session's
/// <c>X-Auth-Token</c> (401 otherwise); unknown resources are 404, bad bodies and values 400, a stale
/// <c>If-Match</c> 412, and a method a resource does not take 405.
/// </summary>
public sealed class RedfishResponder(string userName, string password, IReadOnlyDictionary<string, VirtualSystem> systems)
{
    private readonly Guid _uuid = Guid.NewGuid();

    public RedfishSessions Sessions { get; } = new();

    public RedfishResponse Respond(RedfishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string path = request.Path.Length > 1 ? request.Path.TrimEnd('/') : request.Path;
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 1 || parts[0] != "redfish")
        {
            return NotFound(path);
        }

        if (parts.Length == 1)
        {
            return Get(request, () => new JsonObject { ["v1"] = RedfishDocuments.Root });
        }

        if (parts.Length == 2 && parts[1] == "v1")
        {
            return Get(request, () => RedfishDocuments.ServiceRoot(_uuid));
        }

        if (path == RedfishDocuments.Sessions && request.Method == "POST")
        {
            return Login(request.Body);
        }

        if (!Authenticated(request))
        {
            return new RedfishResponse(401, RedfishDocuments.Error("NoValidSession", "Authentication is required."),
                new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"Ingot virtual BMC\"" });
        }

        return parts[2..] switch
        {
            ["Systems"] => Get(request, () => RedfishDocuments.Collection(RedfishDocuments.Systems, "ComputerSystemCollection",
                "Computer System Collection", systems.Keys.Select(RedfishDocuments.SystemPath))),
            ["Systems", string id] => System(request, id),
            ["Systems", string id, "EthernetInterfaces"] when systems.TryGetValue(id, out VirtualSystem? system) =>
                Get(request, () => RedfishDocuments.EthernetInterfaces(system)),
            ["Systems", string id, "EthernetInterfaces", string nic] when systems.TryGetValue(id, out VirtualSystem? system)
                && int.TryParse(nic, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                && index >= 1 && index <= system.Macs.Count =>
                Get(request, () => RedfishDocuments.EthernetInterface(system, index, system.Macs[index - 1])),
            ["Systems", string id, "ResetActionInfo"] when systems.ContainsKey(id) => Get(request, () => RedfishDocuments.ResetActionInfo(id)),
            ["Systems", string id, "Actions", "ComputerSystem.Reset"] when systems.TryGetValue(id, out VirtualSystem? system) =>
                request.Method == "POST" ? Reset(system, request.Body) : NotAllowed(),
            ["Managers"] => Get(request, () => RedfishDocuments.Collection(RedfishDocuments.Managers, "ManagerCollection", "Manager Collection",
                [$"{RedfishDocuments.Managers}/{RedfishDocuments.ManagerId}"])),
            ["Managers", RedfishDocuments.ManagerId] => Get(request, RedfishDocuments.Manager),
            ["Chassis"] => Get(request, () => RedfishDocuments.Collection(RedfishDocuments.Chassis, "ChassisCollection", "Chassis Collection",
                [$"{RedfishDocuments.Chassis}/{RedfishDocuments.ChassisId}"])),
            ["Chassis", RedfishDocuments.ChassisId] => Get(request, RedfishDocuments.Enclosure),
            ["SessionService"] => Get(request, RedfishDocuments.SessionServiceResource),
            ["SessionService", "Sessions"] => Get(request, () => RedfishDocuments.Collection(RedfishDocuments.Sessions, "SessionCollection",
                "Session Collection", Sessions.Ids.Select(i => $"{RedfishDocuments.Sessions}/{i}"))),
            ["SessionService", "Sessions", string id] when Sessions.User(id) is { } user => request.Method switch
            {
                "GET" => RedfishResponse.Json(RedfishDocuments.Session(id, user)),
                "DELETE" => Sessions.Delete(id) ? RedfishResponse.NoContent() : NotFound(path),
                _ => NotAllowed(),
            },
            _ => NotFound(path),
        };
    }

    private bool Authenticated(RedfishRequest request)
    {
        if (request.AuthToken is { Length: > 0 } token)
        {
            return Sessions.IsValid(token);
        }

        if (request.Authorization is { } header && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                return decoded == $"{userName}:{password}";
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    private RedfishResponse Login(string body)
    {
        if (Parse(body) is not { } json || json["UserName"]?.GetValueKind() != JsonValueKind.String || json["Password"]?.GetValueKind() != JsonValueKind.String)
        {
            return BadRequest("MalformedJSON", "The request body must be a JSON object with UserName and Password.");
        }

        string user = json["UserName"]!.GetValue<string>();
        if (user != userName || json["Password"]!.GetValue<string>() != password)
        {
            return new RedfishResponse(401, RedfishDocuments.Error("NoValidSession", "Invalid user name or password."), new Dictionary<string, string>());
        }

        (string id, string token) = Sessions.Create(user);
        string location = $"{RedfishDocuments.Sessions}/{id}";
        return new RedfishResponse(201, RedfishDocuments.Session(id, user),
            new Dictionary<string, string> { ["X-Auth-Token"] = token, ["Location"] = location });
    }

    private RedfishResponse System(RedfishRequest request, string id)
    {
        if (!systems.TryGetValue(id, out VirtualSystem? system))
        {
            return NotFound(RedfishDocuments.SystemPath(id));
        }

        switch (request.Method)
        {
            case "GET" or "HEAD":
                return WithETag(RedfishDocuments.System(system), system);
            case "PATCH":
                if (request.IfMatch is { Length: > 0 } ifMatch && ifMatch != "*" && ifMatch != system.Snapshot().ETag)
                {
                    return new RedfishResponse(412, RedfishDocuments.Error("PreconditionFailed", "The ETag does not match."), new Dictionary<string, string>());
                }

                if (Parse(request.Body) is not { } json || json["Boot"] is not JsonObject boot)
                {
                    return BadRequest("PropertyMissing", "Only Boot may be changed on this system.");
                }

                string? error = system.SetBoot(Text(boot, "BootSourceOverrideEnabled"), Text(boot, "BootSourceOverrideTarget"), Text(boot, "BootSourceOverrideMode"));
                return error is null ? WithETag(RedfishDocuments.System(system), system) : BadRequest("PropertyValueNotInList", error);
            default:
                return NotAllowed();
        }
    }

    private static RedfishResponse Reset(VirtualSystem system, string body)
    {
        string? resetType = Parse(body) is { } json ? Text(json, "ResetType") : null;
        if (resetType is null)
        {
            return BadRequest("ActionParameterMissing", "The action ComputerSystem.Reset requires the parameter ResetType.");
        }

        return system.ResetOverRedfish(resetType)
            ? RedfishResponse.NoContent()
            : BadRequest("ActionParameterValueNotInList", $"The value '{resetType}' for the parameter ResetType is not in the list of acceptable values.");
    }

    private static RedfishResponse Get(RedfishRequest request, Func<JsonObject> render) =>
        request.Method is "GET" or "HEAD" ? RedfishResponse.Json(render()) : NotAllowed();

    private static RedfishResponse WithETag(JsonObject body, VirtualSystem system) =>
        new(200, body, new Dictionary<string, string> { ["ETag"] = system.Snapshot().ETag });

    private static RedfishResponse NotFound(string path) =>
        RedfishResponse.Json(RedfishDocuments.Error("ResourceMissingAtURI", $"The resource at the URI {path} was not found."), 404);

    private static RedfishResponse NotAllowed() =>
        RedfishResponse.Json(RedfishDocuments.Error("OperationNotAllowed", "The operation is not allowed on this resource."), 405);

    private static RedfishResponse BadRequest(string id, string message) => RedfishResponse.Json(RedfishDocuments.Error(id, message), 400);

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
