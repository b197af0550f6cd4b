using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>&lt;version&gt;/</c> (<c>VersionIndexHandler</c>): GET lists what a machine may read; POST takes
/// <c>op=signal</c>, <c>op=netboot_off</c> and <c>op=netboot_on</c> (op in the query or the body).
/// Anonymous callers may only read (<c>EnlistVersionIndexHandler</c>).
/// </summary>
internal static class VersionIndex
{
    public static async Task<ApiResult> HandleAsync(MetadataRequest request, CancellationToken ct)
    {
        MetadataCaller caller = await request.CallerAsync(ct);
        if (HttpMethods.IsGet(request.Method))
        {
            // Ingot stores no user-data for machines yet, so it is never listed for them.
            return caller.IsAnonymous ? MetadataText.List(["meta-data", "user-data"]) : MetadataText.List(["maas-commissioning-scripts", "meta-data"]);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            throw new ApiException(StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", new Dictionary<string, string> { ["Allow"] = "GET, POST" });
        }

        Machine machine = caller.RequireMachine();
        return request.Op switch
        {
            "signal" => await SignalEndpoint.HandleAsync(request, machine, ct),
            "netboot_off" => await Netboot.SetAsync(request, machine.SystemId, false, ct),
            "netboot_on" => await Netboot.SetAsync(request, machine.SystemId, true, ct),
            var op => throw ApiException.BadRequest($"Unrecognised signature: method={request.Method} op={op ?? "None"}"),
        };
    }
}
