using System.Globalization;
using System.Text;
using Ingot.Api.Wire;
using Ingot.Core.Scripts.Catalog;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Scripts;

/// <summary>
/// <c>/MAAS/api/2.0/scripts/{name}</c> (MAAS's <c>NodeScriptHandler</c>; by name or id): read,
/// <c>download</c> (a <c>revision</c>/<c>rev</c>); admin only: update, delete, <c>revert</c>,
/// <c>add_tag</c>, <c>remove_tag</c>.
/// </summary>
public static class ScriptApi
{
    public static ApiResource Resource { get; } = new(
        "scripts/{name}",
        new ApiHandler("NodeScriptHandler", "Manage or view a custom script.")
            .Read(ReadAsync, "Return script metadata.\n\n:param include_script: Include the base64 encoded script content.")
            .Update(UpdateAsync, "Update a script.\n\nThe same parameters as create; fields not given keep their values.")
            .Delete(DeleteAsync, "Delete a script.")
            .Get("download", DownloadAsync, "Download a script.\n\n:param revision: What revision to download, latest by default. Can use rev as a shortcut.")
            .Post("revert", RevertAsync, "Revert a script version.\n\n:param to: A revision id in the script's history, or a negative number: how far back to go.")
            .Post("add_tag", AddTagAsync, "Add a tag.\n\n:param tag: The tag being added.")
            .Post("remove_tag", RemoveTagAsync, "Remove a tag.\n\n:param tag: The tag being removed."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Script script = await request.Service<ScriptOperations>().GetAsync(request.Route("name"), ct);
        return ApiResult.Json(ScriptJson.Render(script, request.Query.GetBool("include_script", fallback: false)));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        (Dictionary<string, string> data, string? script) = ScriptUpload.Read(request);
        Script updated = await request.Service<ScriptOperations>().UpdateAsync(request.Caller, request.Route("name"), data, script, ct);
        return ApiResult.Json(ScriptJson.Render(updated));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<ScriptOperations>().DeleteAsync(request.Caller, request.Route("name"), ct);
        return ApiResult.Deleted();
    }

    private static async Task<ApiResult> DownloadAsync(ApiRequest request, CancellationToken ct)
    {
        long? revision = Integer(request.Query, "revision", required: false) ?? Integer(request.Query, "rev", required: false);
        string text = await request.Service<ScriptOperations>().DownloadAsync(request.Route("name"), revision, ct);
        return ApiResult.Bytes(StatusCodes.Status200OK, "application/binary", Encoding.UTF8.GetBytes(text));
    }

    private static async Task<ApiResult> RevertAsync(ApiRequest request, CancellationToken ct)
    {
        long to = Integer(request.Form, "to", required: true)!.Value;
        Script script = await request.Service<ScriptOperations>().RevertAsync(request.Caller, request.Route("name"), to, ct);
        return ApiResult.Json(ScriptJson.Render(script));
    }

    private static Task<ApiResult> AddTagAsync(ApiRequest request, CancellationToken ct) => TagAsync(request, add: true, ct);

    private static Task<ApiResult> RemoveTagAsync(ApiRequest request, CancellationToken ct) => TagAsync(request, add: false, ct);

    private static async Task<ApiResult> TagAsync(ApiRequest request, bool add, CancellationToken ct)
    {
        string tag = request.Form.Required("tag");
        Script script = await request.Service<ScriptOperations>().TagAsync(request.Caller, request.Route("name"), tag, add, ct);
        return ApiResult.Json(ScriptJson.Render(script));
    }

    /// <summary>An integer parameter as formencode's <c>Int</c> reads it (400 otherwise).</summary>
    private static long? Integer(ApiParameters p, string name, bool required)
    {
        string? text = required ? p.Required(name) : p.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)
            ? n
            : throw ApiValidationException.Field(name, "Please enter an integer value");
    }
}
