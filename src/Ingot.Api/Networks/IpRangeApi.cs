using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary><c>/MAAS/api/2.0/ipranges/{id}/</c> (MAAS's <c>IPRangeHandler</c>): read; update and delete (its owner or an admin).</summary>
public static class IpRangeApi
{
    public static ApiResource Resource { get; } = new(
        "ipranges/{id}/",
        new ApiHandler("IPRangeHandler", "Manage IP range.")
            .Read(ReadAsync, "Read an IP range.")
            .Update(UpdateAsync, """
                Update an IP range.

                :param start_ip: Start IP address of this range (inclusive).
                :type start_ip: unicode
                :param end_ip: End IP address of this range (inclusive).
                :type end_ip: unicode
                :param comment: A description of this range.
                :type comment: unicode
                """)
            .Delete(DeleteAsync, "Delete an IP range."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        _ = request.Caller;
        NetworkModel model = await request.Networks().LoadAsync(ct);
        IpRange range = NetworkOperations.RangeOf(model, request.Route("id"));
        return NetworkJson.One(w => NetworkJson.WriteRange(w, model, range));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        IpRange range = await request.Networks().UpdateRangeAsync(request.Caller, request.Route("id"), request.NetworkForm(), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteRange(w, model, range));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Networks().DeleteRangeAsync(request.Caller, request.Route("id"), ct);
        return ApiResult.Deleted();
    }
}
