using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.BootResources;
using Ingot.Core.Forms;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.BootResources;

/// <summary>
/// <c>/MAAS/api/2.0/boot-resources/</c> (MAAS's <c>BootResourcesHandler</c>): list; create (upload, admin
/// only: the content in the request, or its sha256 and size and then chunks to the file's
/// <c>upload_uri</c>, as <c>maas … boot-resources create … content@=FILE</c> does); <c>op=import</c>,
/// <c>op=stop_import</c> (admin only), <c>op=is_importing</c>; and Ingot's <c>op=import_progress</c>.
/// </summary>
public static class BootResourcesApi
{
    public static ApiResource Resource { get; } = new(
        "boot-resources/",
        new ApiHandler("BootResourcesHandler", "Manage the boot resources.")
            .Read(ListAsync, """
                List boot resources.

                List all boot resources.

                :param type: Type of boot resources to list (synced, uploaded). If not provided, returns all types.
                :type type: unicode
                """)
            .Create(CreateAsync, """
                Create a new boot resource.

                Creates a new boot resource. The content comes with the request, or in chunks to the upload_uri of its file.

                :param name: Name of the boot resource.
                :type name: unicode
                :param architecture: Architecture the boot resource supports.
                :type architecture: unicode
                :param sha256: The sha256 hash of the resource.
                :type sha256: unicode
                :param size: The size of the resource in bytes.
                :type size: unicode
                :param title: Title for the boot resource.
                :type title: unicode
                :param filetype: Filetype for uploaded content (default tgz; tgz, tbz, txz, ddtgz, ddtbz, ddtxz, ddtar, ddbz2, ddgz, ddxz, ddraw).
                :type filetype: unicode
                :param base_image: The Base OS image a custom image is built on top of.
                :type base_image: unicode
                :param content: The content of the image.
                :type content: file
                """)
            .Post("import", ImportAsync, "Import boot resources.\n\nImport the boot resources.")
            .Post("stop_import", StopImportAsync, "Stop import boot resources.\n\nStop import the boot resources.")
            .Get("is_importing", IsImportingAsync, "Importing status.\n\nGet the status of importing resources.")
            .Get("import_progress", ImportProgressAsync, """
                Import progress (Ingot).

                Whether an import runs, bytes downloaded and to download, and the errors and messages of the current or last import.
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(BootResourceJson.RenderList(await request.Service<BootResourceOperations>().ListAsync(request.Query.Get("type"), ct)));

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        ApiParameters form = request.Parameters;
        ApiFile? content = request.Files.FirstOrDefault(f => f.Name == "content");
        BootResourceForm.Upload upload = BootResourceForm.Check(
            form.Get("name"), form.Get("architecture"), form.Get("filetype"), form.Get("title"), form.Get("base_image"),
            form.Get("sha256"), form.Get("size"), content is not null);
        using Stream? data = content is null ? null : new MemoryStream(content.Content.ToArray(), writable: false);
        BootResource resource = await request.Service<BootResourceOperations>().CreateAsync(request.Caller, upload, data, ct);
        return ApiResult.Json(BootResourceJson.Render(resource, withSets: true), StatusCodes.Status201Created);
    }

    private static Task<ApiResult> ImportAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        request.Service<BootResourceImports>().Start();
        return Task.FromResult(ApiResult.Text("Import of boot resources started"));
    }

    private static Task<ApiResult> StopImportAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        request.Service<BootResourceImports>().Stop();
        return Task.FromResult(ApiResult.Text("Import of boot resources is being stopped"));
    }

    private static Task<ApiResult> IsImportingAsync(ApiRequest request, CancellationToken ct) =>
        Task.FromResult(ApiResult.Json(request.Service<BootResourceImports>().IsImporting));

    private static Task<ApiResult> ImportProgressAsync(ApiRequest request, CancellationToken ct)
    {
        BootResourceImportStatus status = request.Service<BootResourceImports>().Status;
        return Task.FromResult(ApiResult.Json(new JsonObject
        {
            ["importing"] = status.IsImporting,
            ["bytes_done"] = status.BytesDone,
            ["bytes_total"] = status.BytesTotal,
            ["errors"] = new JsonArray([.. status.Errors.Select(e => (JsonNode)e)]),
            ["messages"] = new JsonArray([.. status.Messages.Select(m => (JsonNode)m)]),
        }));
    }
}
