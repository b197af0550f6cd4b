using System.Globalization;
using Ingot.Api.Wire;
using Ingot.Core.Cloning;
using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Dispatch;

/// <summary>
/// The one place where refusals become MAAS's error responses (<c>ExceptionMiddleware</c> and
/// <c>MAASAPIException.make_http_response</c>): form errors are 400 with a JSON dict field → messages,
/// every other refusal is its status with a plain-text body; 503 for a failing external process or
/// an unreachable rack carries <c>Retry-After: 10</c>; anything unexpected is 500 with its message.
/// </summary>
internal static class ApiErrors
{
    /// <summary>MAAS's <c>RETRY_AFTER_SERVICE_UNAVAILABLE</c>.</summary>
    public const int RetryAfterSeconds = 10;

    private static readonly string[] s_retryKinds = ["ExternalProcessError", "NoConnectionsAvailable"];

    /// <summary>The response for <paramref name="error"/>; null when it is not a refusal (a bug: 500).</summary>
    public static ApiResult Render(Exception error) => error switch
    {
        ApiValidationException e => FieldErrors(e.Errors),
        MachineFormException e => FieldErrors(e.Errors),
        CloneValidationException e => FieldErrors(e.Errors
            .GroupBy(c => c.Field)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(c => c.Message)])),
        ApiException e => WithHeaders(ApiResult.Text(e.Message, e.Status), e.Headers),
        MachineOperationException e => Operation(e),
        BadHttpRequestException e => ApiResult.Text(e.Message, e.StatusCode),
        _ => ApiResult.Text(error.Message, StatusCodes.Status500InternalServerError),
    };

    private static ApiResult FieldErrors(IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        ApiResult.Json(errors.ToDictionary(e => e.Key, e => e.Value), StatusCodes.Status400BadRequest);

    private static ApiResult Operation(MachineOperationException e)
    {
        var result = ApiResult.Text(e.Message, (int)e.Category);
        return e.Category == ErrorCategory.ServiceUnavailable && s_retryKinds.Contains(e.Kind)
            ? result.WithHeader("Retry-After", RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))
            : result;
    }

    private static ApiResult WithHeaders(ApiResult result, IReadOnlyDictionary<string, string> headers)
    {
        foreach ((string name, string value) in headers)
        {
            result.WithHeader(name, value);
        }

        return result;
    }
}
