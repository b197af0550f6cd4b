using Ingot.Api.Wire;
using Ingot.Core.Machines;

namespace Ingot.Api.Networks;

/// <summary><c>/MAAS/api/2.0/fabrics/</c> (MAAS's <c>FabricsHandler</c>, read only here): <c>fabric-0</c> with its VLANs.</summary>
public static class FabricsApi
{
    public static ApiResource Resource { get; } = new(
        "fabrics/",
        new ApiHandler("FabricsHandler", "Manage fabrics.")
            .Read(ListAsync, "List fabrics.\n\nList all fabrics."));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        NetworkJson.Fabrics(await NetworkTopology.LoadAsync(request.Service<IMachineStore>(), ct));
}
