using Ingot.Api.Wire;
using Ingot.Core.Machines;

namespace Ingot.Api.Networks;

/// <summary>
/// <c>/MAAS/api/2.0/subnets/</c> (MAAS's <c>SubnetsHandler</c>, read only here): the subnets seen on
/// machines' interface links, as the machine JSON shows them.
/// </summary>
public static class SubnetsApi
{
    public static ApiResource Resource { get; } = new(
        "subnets/",
        new ApiHandler("SubnetsHandler", "Manage subnets.")
            .Read(ListAsync, "List all subnets."));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        NetworkJson.Subnets(await NetworkTopology.LoadAsync(request.Service<IMachineStore>(), ct));
}
