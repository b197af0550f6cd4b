using Ingot.Api.Wire;
using Ingot.Core.Machines;

namespace Ingot.Api.Metadata;

/// <summary><c>op=netboot_off</c> / <c>op=netboot_on</c>: whether the machine network-boots next time; 200 <c>OK</c>.</summary>
internal static class Netboot
{
    public static async Task<ApiResult> SetAsync(MetadataRequest request, string systemId, bool netboot, CancellationToken ct)
    {
        var store = request.Service<IMachineStore>();
        Machine machine = await store.FindAsync(systemId, ct) ?? throw ApiException.NotFound("Node");
        if (machine.Netboot != netboot)
        {
            machine.Netboot = netboot;
            await store.SaveAsync(machine, ct);
        }

        return MetadataText.Text("OK");
    }
}
