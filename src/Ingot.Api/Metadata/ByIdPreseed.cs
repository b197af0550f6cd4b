using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Metadata;

/// <summary>
/// The anonymous preseed URLs: <c>by-id/&lt;system_id&gt;/?op=get_preseed</c> (the machine's
/// cloud-config with its token, made on first request) and <c>op=netboot_off</c>/<c>netboot_on</c>
/// by POST (curtin's late command); <c>enlist-preseed/?op=get_enlist_preseed</c>.
/// </summary>
internal static class ByIdPreseed
{
    public static async Task<ApiResult> HandleAsync(MetadataRequest request, string systemId, CancellationToken ct)
    {
        if (HttpMethods.IsPost(request.Method))
        {
            return request.Op switch
            {
                "netboot_off" => await Netboot.SetAsync(request, systemId, false, ct),
                "netboot_on" => await Netboot.SetAsync(request, systemId, true, ct),
                var op => throw ApiException.BadRequest($"Unrecognised signature: method=POST op={op ?? "None"}"),
            };
        }

        if (request.Op != "get_preseed")
        {
            throw ApiException.BadRequest($"Unrecognised signature: method={request.Method} op={request.Op ?? "None"}");
        }

        Machine machine = await request.Service<IMachineStore>().FindAsync(systemId, ct) ?? throw ApiException.NotFound("Node");
        MachineToken token = await new MachineTokens(request.Service<IMachineTokenStore>(), request.Service<TimeProvider>()).GetOrCreateAsync(systemId, ct);
        return MetadataText.Text(Preseeds.ForMachine(request.BaseUrl, machine, token));
    }

    public static ApiResult Enlist(MetadataRequest request) =>
        request.Op == "get_enlist_preseed"
            ? MetadataText.Text(Preseeds.Enlist(request.BaseUrl))
            : throw ApiException.BadRequest($"Unrecognised signature: method={request.Method} op={request.Op ?? "None"}");
}
