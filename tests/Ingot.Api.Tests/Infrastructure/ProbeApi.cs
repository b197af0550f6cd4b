using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.Enlistment;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Infrastructure;

/// <summary>
/// A test-only resource at <c>probe/</c> and <c>probe/{name}/</c>: its actions echo what the
/// dispatcher handed them, or throw the refusal named by <c>raise</c>, so the wire conventions and
/// the error mapping are tested on their own.
/// </summary>
public static class ProbeApi
{
    public static ApiResource Collection { get; } = new(
        "probe/",
        new ApiHandler("ProbesHandler", "Echoes requests.")
            .Read(EchoAsync, "Echo a GET.")
            .Create(EchoAsync, "Echo a POST.\n\n:param anything: echoed")
            .Get("echo", EchoAsync, "Echo a GET op.\n\n:param anything: echoed")
            .Post("echo", EchoAsync, "Echo a POST op.\n\n:param anything: echoed")
            .Post("raise", RaiseAsync, "Throw a refusal.\n\n:param kind: which one"),
        new ApiHandler("AnonProbesHandler", "Anonymous echo.")
            .Get("anon_echo", EchoAsync, "Echo anonymously."));

    public static ApiResource Item { get; } = new(
        "probe/{name}/",
        new ApiHandler("ProbeHandler", "Echoes one probe.")
            .Read(EchoAsync, "Echo.")
            .Update(EchoAsync, "Echo a PUT.\n\n:param anything: echoed")
            .Delete((_, _) => Task.FromResult(ApiResult.Deleted()), "Delete nothing."));

    private static Task<ApiResult> EchoAsync(ApiRequest request, CancellationToken ct)
    {
        var parameters = new JsonObject();
        foreach (string key in request.Parameters.Keys)
        {
            parameters[key] = new JsonArray([.. request.Parameters.GetAll(key).Select(v => (JsonNode)v)]);
        }

        var files = new JsonObject();
        foreach (ApiFile file in request.Files)
        {
            files[file.Name] = Encoding.UTF8.GetString(file.Content.Span);
        }

        return Task.FromResult(ApiResult.Json(new JsonObject
        {
            ["method"] = request.Method,
            ["op"] = request.Op,
            ["user"] = request.User?.Username,
            ["name"] = request.Http.Request.Path.Value!.Contains("/probe/", StringComparison.Ordinal) && !request.Http.Request.Path.Value.EndsWith("/probe/", StringComparison.Ordinal) ? request.Route("name") : null,
            ["params"] = parameters,
            ["files"] = files,
        }));
    }

    private static Task<ApiResult> RaiseAsync(ApiRequest request, CancellationToken ct) => request.Parameters.Required("kind") switch
    {
        "form" => throw ApiValidationException.Field("foo", "No such constraint."),
        "machine_form" => throw new MachineFormException(new Dictionary<string, IReadOnlyList<string>> { ["mac_addresses"] = ["'zz' is not a valid MAC address."], ["architecture"] = ["Select a valid choice."] }),
        "validation" => throw MachineOperationException.Validation("No provided mac_address!"),
        "forbidden" => throw MachineOperationException.PermissionDenied(),
        "not_found" => throw MachineOperationException.NotFound(),
        "conflict" => throw MachineOperationException.StateViolation("Machine cannot be released in its current state ('New')."),
        "power" => throw new MachineOperationException(ErrorCategory.ServiceUnavailable, "PowerProblem", "Power control failed."),
        "external" => throw new MachineOperationException(ErrorCategory.ServiceUnavailable, "ExternalProcessError", "dhcpd failed."),
        "unauthorized" => throw new MachineOperationException(ErrorCategory.Unauthorized, "Unauthorized", "You must be logged in to accept machines."),
        "bug" => throw new InvalidOperationException("Something broke."),
        _ => throw ApiException.BadRequest("unknown kind"),
    };
}
