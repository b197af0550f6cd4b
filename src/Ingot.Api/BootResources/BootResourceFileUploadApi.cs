using Ingot.Api.Wire;
using Ingot.Core.BootResources;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingot.Api.BootResources;

/// <summary>
/// <c>/MAAS/api/2.0/boot-resources/{id}/upload/{file_id}/</c> (MAAS's <c>BootResourceFileUploadHandler</c>):
/// <c>PUT</c> with a chunk of the file as the raw body (admin only), as the <c>maas</c> CLI sends 4 MiB pieces.
/// </summary>
public static class BootResourceFileUploadApi
{
    public static ApiResource Resource { get; } = new(
        "boot-resources/{id}/upload/{file_id}/",
        new ApiHandler("BootResourceFileUploadHandler", "Upload a boot resource file.")
            .Update(UploadAsync, "Upload chunk of boot resource file.\n\nUploads a chunk of boot resource file."));

    private static async Task<ApiResult> UploadAsync(ApiRequest request, CancellationToken ct)
    {
        Core.Forms.AdminOnly.Demand(request.Caller);
        long limit = request.Http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        long? declared = request.Http.Request.ContentLength;
        if (declared > limit)
        {
            throw MachineOperationException.Validation("Too much data received.");
        }

        using var body = new MemoryStream();
        byte[] buffer = new byte[81920];
        int read;
        while ((read = await request.Http.Request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > limit)
            {
                throw MachineOperationException.Validation("Too much data received.");
            }

            body.Write(buffer, 0, read);
        }

        if ((declared ?? 0) == 0 && body.Length == 0)
        {
            throw MachineOperationException.Validation("Missing data.");
        }

        if (declared is { } size && size != body.Length)
        {
            throw MachineOperationException.Validation("Content-Length doesn't equal size of received data.");
        }

        await request.Service<BootResourceOperations>().UploadChunkAsync(
            request.Caller, request.Route("id"), request.Route("file_id"), body.GetBuffer().AsMemory(0, (int)body.Length), ct);
        return ApiResult.Ok();
    }
}
