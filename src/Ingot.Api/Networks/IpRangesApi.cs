using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary><c>/MAAS/api/2.0/ipranges/</c> (MAAS's <c>IPRangesHandler</c>): list; create (reserved: anyone; dynamic: admins).</summary>
public static class IpRangesApi
{
    public static ApiResource Resource { get; } = new(
        "ipranges/",
        new ApiHandler("IPRangesHandler", "Manage IP ranges.")
            .Read(ListAsync, "List all IP ranges.")
            .Create(CreateAsync, """
                Create an IP range.

                :param type: Type of this range. (dynamic or reserved)
                :type type: unicode
                :param start_ip: Start IP address of this range (inclusive).
                :type start_ip: unicode
                :param end_ip: End IP address of this range (inclusive).
                :type end_ip: unicode
                :param subnet: Subnet associated with this range (default: the subnet holding start_ip).
                :type subnet: unicode
                :param comment: A description of this range.
                :type comment: unicode
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        _ = request.Caller;
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.List(model.IpRanges, (w, r) => NetworkJson.WriteRange(w, model, r));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        IpRange range = await request.Networks().CreateRangeAsync(request.Caller, request.NetworkForm(), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteRange(w, model, range));
    }
}
