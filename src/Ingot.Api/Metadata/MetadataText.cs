using System.Text;
using Ingot.Api.Wire;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Metadata;

/// <summary>The metadata API's plain answers: <c>text/plain</c> without charset, lists newline-joined without a trailing newline.</summary>
internal static class MetadataText
{
    public const string ContentType = "text/plain";

    public static ApiResult Text(string text) => ApiResult.Bytes(StatusCodes.Status200OK, ContentType, Encoding.UTF8.GetBytes(text));

    public static ApiResult List(IEnumerable<string> items) => Text(string.Join('\n', items));

    public static ApiResult NotFound(string message) => ApiResult.Bytes(StatusCodes.Status404NotFound, ContentType, Encoding.UTF8.GetBytes(message));
}
