using System.Buffers;
using System.Globalization;
using System.Text;
using Ingot.Api.Wire;
using Ingot.Core.Registration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Registration;

/// <summary>
/// <c>/MAAS/register/&lt;token&gt;</c>, anonymous, the token being the credential: GET serves the
/// registration script (<c>text/x-shellscript</c>), POST takes its report (200 "OK"; 400 with the
/// reason for a malformed report and 413 for one over <see cref="MaxReportBytes"/>, both of which leave the
/// token usable and change nothing). An unknown, used or non-deployed machine's token is 404 on both.
/// </summary>
public static class RegistrationEndpoint
{
    public const string PathPrefix = RegistrationCommand.PathPrefix;

    public const string UnknownToken = "Unknown or used registration token.";

    /// <summary>The largest report taken: lshw's XML of a large server base64-encoded stays well below it.</summary>
    public const int MaxReportBytes = 16 * 1024 * 1024;

    public static readonly string TooLarge = string.Create(CultureInfo.InvariantCulture, $"Report too large (the limit is {MaxReportBytes} bytes).");

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{PathPrefix}{token}";

    public static async Task HandleAsync(HttpContext http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        CancellationToken ct = http.RequestAborted;
        var registration = ActivatorUtilities.CreateInstance<MachineRegistration>(http.RequestServices);
        MachineRegistration.Target? target = await registration.FindAsync(token, ct);
        ApiResult result;
        if (target is null)
        {
            result = Text(StatusCodes.Status404NotFound, UnknownToken);
        }
        else if (HttpMethods.IsGet(http.Request.Method))
        {
            result = ApiResult.Bytes(StatusCodes.Status200OK, "text/x-shellscript", Encoding.UTF8.GetBytes(RegistrationScript.Render(Url(http.Request, token))));
        }
        else if (HttpMethods.IsPost(http.Request.Method))
        {
            result = await ReadBoundedAsync(http.Request, ct) is not { } body
                ? Text(StatusCodes.Status413PayloadTooLarge, TooLarge)
                : await registration.ReportAsync(target, body, ct) switch
                {
                    (MachineRegistration.Outcome.Stored, _) => Text(StatusCodes.Status200OK, "OK"),
                    (MachineRegistration.Outcome.Used, _) => Text(StatusCodes.Status404NotFound, UnknownToken),
                    (_, string reason) => Text(StatusCodes.Status400BadRequest, reason),
                };
        }
        else
        {
            http.Response.Headers.Allow = "GET, POST";
            result = Text(StatusCodes.Status405MethodNotAllowed, "");
        }

        await result.WriteAsync(http.Response, ct);
    }

    /// <summary>The body as text, or null when it is longer than <see cref="MaxReportBytes"/> (read no further than that).</summary>
    private static async Task<string?> ReadBoundedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxReportBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxReportBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ApiResult Text(int status, string text) => ApiResult.Bytes(status, "text/plain", Encoding.UTF8.GetBytes(text));
}
