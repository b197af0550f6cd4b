using Ingot.Api.Wire;
using Ingot.Core.Machines;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>op=netboot_off</c> / <c>op=netboot_on</c>: whether the machine network-boots next time; 200
/// <c>OK</c>, also when another writer saved the machine meanwhile (done again on a fresh read).
/// </summary>
internal static class Netboot
{
    public static async Task<ApiResult> SetAsync(MetadataRequest request, string systemId, bool netboot, CancellationToken ct)
    {
        var store = request.Service<IMachineStore>();
        _ = await ConflictRetry.RunAsync(
            async c =>
            {
                Machine machine = await store.FindAsync(systemId, c) ?? throw ApiException.NotFound("Node");
                if (machine.Netboot != netboot)
                {
                    machine.Netboot = netboot;
                    await store.SaveAsync(machine, c);
                }

                return machine;
            },
            request.Service<TimeProvider>(),
            ct);
        return MetadataText.Text("OK");
    }
}
