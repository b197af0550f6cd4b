using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Wire;

/// <summary>
/// What an operation answers: status, the exact Content-Type MAAS sends (always one, 204 included:
/// the <c>maas</c> CLI reads it on every response), extra headers and the body.
/// </summary>
public sealed class ApiResult
{
    /// <summary>piston's JSON emitter.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string TextContentType = "text/plain; charset=utf-8";

    private static readonly JsonSerializerOptions s_json = new();

    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<Stream, CancellationToken, Task> _write;

    private ApiResult(int status, string contentType, Func<Stream, CancellationToken, Task> write)
    {
        Status = status;
        ContentType = contentType;
        _write = write;
    }

    public int Status { get; }

    public string ContentType { get; }

    public IReadOnlyDictionary<string, string> Headers => _headers;

    /// <summary>
    /// <paramref name="value"/> serialised by System.Text.Json as it is: use dictionaries, JSON nodes or
    /// types with <c>[JsonPropertyName]</c> for MAAS's snake_case names. Null is the JSON <c>null</c>.
    /// </summary>
    public static ApiResult Json(object? value, int status = StatusCodes.Status200OK) =>
        Bytes(status, JsonContentType, value is null ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), s_json));

    /// <summary>A JSON document written straight to the response (large lists).</summary>
    public static ApiResult Json(Action<Utf8JsonWriter> write) =>
        new(StatusCodes.Status200OK, JsonContentType, async (stream, ct) =>
        {
            await using (var writer = new Utf8JsonWriter(stream))
            {
                write(writer);
            }

            await stream.FlushAsync(ct);
        });

    /// <summary>A JSON document streamed to the response by <paramref name="write"/>, which flushes as it goes (the machine list).</summary>
    public static ApiResult JsonStream(Func<Stream, CancellationToken, Task> write) =>
        new(StatusCodes.Status200OK, JsonContentType, async (stream, ct) =>
        {
            await write(stream, ct);
            await stream.FlushAsync(ct);
        });

    public static ApiResult Json(JsonNode? node) => Json((object?)node);

    public static ApiResult Text(string text, int status = StatusCodes.Status200OK) =>
        Bytes(status, TextContentType, Encoding.UTF8.GetBytes(text));

    /// <summary>piston's <c>rc.DELETED</c>: 204, empty, with a text Content-Type.</summary>
    public static ApiResult Deleted() => Bytes(StatusCodes.Status204NoContent, TextContentType, []);

    /// <summary>piston's <c>rc.ALL_OK</c>: 200 <c>OK</c>.</summary>
    public static ApiResult Ok() => Text("OK");

    /// <summary>piston's <c>rc.ACCEPTED</c>: 202 <c>Accepted</c>.</summary>
    public static ApiResult Accepted() => Text("Accepted", StatusCodes.Status202Accepted);

    /// <summary>A body with this exact Content-Type (e.g. <c>application/json</c> without charset for <c>describe/</c>).</summary>
    public static ApiResult Bytes(int status, string contentType, byte[] body) =>
        new(status, contentType, (stream, ct) => body.Length == 0 ? Task.CompletedTask : stream.WriteAsync(body, ct).AsTask());

    public ApiResult WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    internal async Task WriteAsync(HttpResponse response, CancellationToken ct)
    {
        response.StatusCode = Status;
        response.ContentType = ContentType;
        foreach ((string name, string value) in _headers)
        {
            response.Headers[name] = value;
        }

        await _write(response.Body, ct);
    }
}
