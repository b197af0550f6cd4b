using System.Text;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Registration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Registration;

/// <summary>
/// <c>/MAAS/register/&lt;token&gt;</c>, anonymous, the token being the credential: GET serves the
/// registration script (<c>text/x-shellscript</c>), POST takes its report (200 "OK"; 400 with the
/// reason for a malformed report, which leaves the token usable). An unknown, used or non-deployed
/// machine's token is 404 on both.
/// </summary>
public static class RegistrationEndpoint
{
    public const string PathPrefix = RegistrationCommand.PathPrefix;

    public const string UnknownToken = "Unknown or used registration token.";

    private const int MaxReportBytes = 1024 * 1024;

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{PathPrefix}{token}";

    public static async Task HandleAsync(HttpContext http, string token)
    {
        CancellationToken ct = http.RequestAborted;
        var registration = ActivatorUtilities.CreateInstance<MachineRegistration>(http.RequestServices);
        Machine? machine = await registration.FindAsync(token, ct);
        ApiResult result;
        if (machine is null)
        {
            result = Text(StatusCodes.Status404NotFound, UnknownToken);
        }
        else if (HttpMethods.IsGet(http.Request.Method))
        {
            result = ApiResult.Bytes(StatusCodes.Status200OK, "text/x-shellscript", Encoding.UTF8.GetBytes(RegistrationScript.Render(Url(http.Request, token))));
        }
        else if (HttpMethods.IsPost(http.Request.Method))
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            result = buffer.Length > MaxReportBytes
                ? Text(StatusCodes.Status400BadRequest, "Report too large.")
                : await registration.ReportAsync(machine, Encoding.UTF8.GetString(buffer.ToArray()), ct) is { } error
                    ? Text(StatusCodes.Status400BadRequest, error)
                    : Text(StatusCodes.Status200OK, "OK");
        }
        else
        {
            http.Response.Headers.Allow = "GET, POST";
            result = Text(StatusCodes.Status405MethodNotAllowed, "");
        }

        await result.WriteAsync(http.Response, ct);
    }

    private static ApiResult Text(int status, string text) => ApiResult.Bytes(status, "text/plain", Encoding.UTF8.GetBytes(text));
}
