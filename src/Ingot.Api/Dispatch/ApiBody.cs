using System.Text;
using Ingot.Api.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Ingot.Api.Dispatch;

/// <summary>
/// A request body as MAAS reads it: <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>
/// (quoted boundaries such as Python's <c>"===============…=="</c>, parts with
/// <c>Content-Transfer-Encoding: base64</c> decoded, as the <c>maas</c> CLI and python-libmaas send
/// them); any other body, or none, has no fields. Bodies over the limit are refused with 413.
/// </summary>
internal sealed record ApiBody(ApiParameters Form, IReadOnlyList<ApiFile> Files)
{
    public static ApiBody Empty { get; } = new(ApiParameters.Empty, []);

    public static async Task<ApiBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type))
        {
            return Empty;
        }

        bool urlEncoded = type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        bool multipart = type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (!urlEncoded && !multipart)
        {
            return Empty;
        }

        byte[] body = await ReadLimitedAsync(request, maxBytes, ct);
        return urlEncoded ? FromUrlEncoded(body) : await FromMultipartAsync(type, body, ct);
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ApiBody FromUrlEncoded(byte[] body)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var reader = new FormReader(Encoding.UTF8.GetString(body)) { ValueCountLimit = int.MaxValue, KeyLengthLimit = int.MaxValue, ValueLengthLimit = int.MaxValue };
        while (reader.ReadNextPair() is { } pair)
        {
            pairs.Add(new(pair.Key, pair.Value));
        }

        return new ApiBody(new ApiParameters(pairs), []);
    }

    private static async Task<ApiBody> FromMultipartAsync(MediaTypeHeaderValue type, byte[] body, CancellationToken ct)
    {
        string boundary = HeaderUtilities.RemoveQuotes(type.Boundary).ToString();
        if (boundary.Length == 0)
        {
            throw ApiException.BadRequest("Bad Request: multipart/form-data body without a boundary.");
        }

        if (IsEmptyForm(body, boundary))
        {
            return new ApiBody(new ApiParameters([]), []);
        }

        var pairs = new List<KeyValuePair<string, string>>();
        var files = new List<ApiFile>();
        var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false)) { BodyLengthLimit = null };
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).ToString() is not { Length: > 0 } name)
                {
                    throw ApiException.BadRequest("Bad Request: a multipart part has no Content-Disposition name.");
                }

                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, ct);
                byte[] bytes = Decode(section, name, content.ToArray());
                string fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
                if (fileName.Length > 0)
                {
                    files.Add(new ApiFile(name, fileName, section.ContentType ?? "application/octet-stream", bytes));
                }
                else
                {
                    pairs.Add(new(name, Encoding.UTF8.GetString(bytes)));
                }
            }
        }
        catch (IOException e)
        {
            throw ApiException.BadRequest($"Bad Request: malformed multipart/form-data body ({e.Message})");
        }
        catch (InvalidDataException e)
        {
            throw ApiException.BadRequest($"Bad Request: malformed multipart/form-data body ({e.Message})");
        }

        return new ApiBody(new ApiParameters(pairs), files);
    }

    private static byte[] Decode(MultipartSection section, string name, byte[] raw)
    {
        string? encoding = section.Headers?.TryGetValue("Content-Transfer-Encoding", out var value) == true ? value.ToString().Trim() : null;
        if (encoding is null || !encoding.Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            return raw;
        }

        try
        {
            // Convert ignores the whitespace and CRLFs that MIME puts inside and after base64 text.
            return Convert.FromBase64String(Encoding.ASCII.GetString(raw));
        }
        catch (FormatException)
        {
            throw ApiException.BadRequest($"Bad Request: multipart part '{name}' is not valid base64.");
        }
    }

    private static ApiException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"Request body is larger than the limit of {maxBytes} bytes.");

    /// <summary>A form without fields as .NET writes it: one empty, headerless part (<c>--b\r\n\r\n--b--</c>).</summary>
    private static bool IsEmptyForm(byte[] body, string boundary)
    {
        string text = body.Length < 2 * boundary.Length + 16 ? Encoding.ASCII.GetString(body) : "";
        return text == $"--{boundary}\r\n\r\n--{boundary}--" || text == $"--{boundary}\r\n\r\n--{boundary}--\r\n";
    }
}
