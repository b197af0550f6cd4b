namespace Ingot.Api.Wire;

/// <summary>
/// A refusal at the wire level (bad op, missing parameter, not logged in, unknown path…): the status
/// and the plain-text body MAAS sends, with any extra headers. Business refusals come from Core as
/// <see cref="Core.Machines.MachineOperationException"/>; both are rendered by the API's one error mapping.
/// </summary>
public class ApiException(int status, string message, IReadOnlyDictionary<string, string>? headers = null) : Exception(message)
{
    public int Status { get; } = status;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();

    /// <summary>400, MAAS's <c>MAASAPIBadRequest</c> and single-message <c>MAASAPIValidationError</c>.</summary>
    public static ApiException BadRequest(string message) => new(400, message);

    /// <summary>401, MAAS's <c>Unauthorized</c>.</summary>
    public static ApiException Unauthorized(string message) => new(401, message);

    /// <summary>403, Django's <c>PermissionDenied</c>.</summary>
    public static ApiException Forbidden(string message = "") => new(403, message);

    /// <summary>404, <c>get_object_or_404</c>: <c>No &lt;Model&gt; matches the given query.</c></summary>
    public static ApiException NotFound(string model) => new(404, $"No {model} matches the given query.");

    /// <summary>409, MAAS's <c>NodeStateViolation</c> family.</summary>
    public static ApiException Conflict(string message) => new(409, message);

    /// <summary>503 with <c>Retry-After</c> in seconds (gomaasapi retries only when it is an integer).</summary>
    public static ApiException ServiceUnavailable(string message, int retryAfterSeconds) =>
        new(503, message, new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
