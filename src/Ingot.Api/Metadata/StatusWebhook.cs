using System.Text;
using System.Text.Json;
using Ingot.Api.Wire;
using Ingot.Core.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>POST status/&lt;system_id&gt;</c> (<c>api_twisted.StatusHandlerResource</c>): cloud-init's and
/// curtin's reporting webhook. Needs an <c>Authorization</c> header naming an <c>oauth_token</c> (only
/// its presence is checked, as in MAAS: 401 empty otherwise), an ASCII JSON body with
/// <c>event_type</c>, <c>origin</c>, <c>name</c> and <c>description</c> (400 otherwise), and answers
/// 204. The message is applied to the machine the token belongs to; one from a token that is no
/// machine's, or another machine's, is dropped.
/// </summary>
internal static class StatusWebhook
{
    private const long MaxBytes = 4 * 1024 * 1024;

    public static async Task<ApiResult> HandleAsync(HttpContext http, string systemId, CancellationToken ct)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            throw new ApiException(StatusCodes.Status405MethodNotAllowed, "", new Dictionary<string, string> { ["Allow"] = "POST" });
        }

        string authorization = http.Request.Headers.Authorization.ToString();
        if (TokenKey(authorization) is not { } tokenKey)
        {
            return ApiResult.Bytes(StatusCodes.Status401Unauthorized, MetadataText.ContentType, []);
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return Bad("Status message too large.");
        }

        StatusMessage? message = Parse(buffer.ToArray(), out string? error);
        if (message is null)
        {
            return Bad(error!);
        }

        var services = http.RequestServices;
        if (await services.GetRequiredService<IMachineTokenStore>().FindByTokenKeyAsync(tokenKey, ct) is { } token && token.SystemId == systemId)
        {
            await services.GetRequiredService<StatusMessages>().ApplyAsync(systemId, message, ct);
        }

        return ApiResult.Bytes(StatusCodes.Status204NoContent, MetadataText.ContentType, []);
    }

    private static ApiResult Bad(string text) =>
        ApiResult.Bytes(StatusCodes.Status400BadRequest, MetadataText.ContentType, Encoding.UTF8.GetBytes(text));

    /// <summary>The <c>oauth_token</c> value of an <c>OAuth</c> header, unquoted.</summary>
    private static string? TokenKey(string authorization)
    {
        foreach (string part in authorization.Split(','))
        {
            string trimmed = part.Trim();
            if (trimmed.StartsWith("OAuth ", StringComparison.Ordinal))
            {
                trimmed = trimmed["OAuth ".Length..].Trim();
            }

            if (trimmed.StartsWith("oauth_token=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(trimmed["oauth_token=".Length..].Trim('"'));
            }
        }

        return null;
    }

    private static StatusMessage? Parse(byte[] body, out string? error)
    {
        error = null;
        if (body.Any(b => b > 0x7F))
        {
            error = "Status payload must be ASCII-only.";
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            string[] required = ["event_type", "origin", "name", "description"];
            string[] missing = root.ValueKind == JsonValueKind.Object
                ? [.. required.Where(k => !root.TryGetProperty(k, out _))]
                : required;
            if (missing.Length > 0)
            {
                error = $"Missing parameter(s) {string.Join(", ", missing)} in status message.";
                return null;
            }

            return new StatusMessage(Text(root, "event_type"), Text(root, "origin"), Text(root, "name"), Text(root, "description"),
                root.TryGetProperty("result", out JsonElement result) ? (result.ValueKind == JsonValueKind.String ? result.GetString() : result.GetRawText()) : null);
        }
        catch (JsonException)
        {
            error = "Status payload is not valid JSON.";
            return null;
        }
    }

    private static string Text(JsonElement root, string name)
    {
        JsonElement value = root.GetProperty(name);
        return value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
    }
}
