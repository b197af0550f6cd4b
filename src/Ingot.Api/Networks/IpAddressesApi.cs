using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary>
/// <c>/MAAS/api/2.0/ipaddresses/</c> (MAAS's <c>IPAddressesHandler</c>): read the caller's reserved
/// addresses (an admin with <c>all=true</c>: everyone's); <c>reserve</c> one (a given <c>ip</c>, or the
/// next free address of <c>subnet</c>); <c>release</c> one.
/// </summary>
public static class IpAddressesApi
{
    public static ApiResource Resource { get; } = new(
        "ipaddresses/",
        new ApiHandler("IPAddressesHandler", "Manage IP addresses allocated by MAAS.")
            .Read(ListAsync, "List IP addresses.\n\nList all IP addresses known to MAAS, by default those reserved by the caller.\n\n:param all: (Admin only) List all IP addresses.\n:type all: boolean")
            .Post("reserve", ReserveAsync, """
                Reserve an IP address.

                :param subnet: CIDR (or another specifier) of the subnet to reserve an address in.
                :type subnet: unicode
                :param ip: The IP address to reserve (ip_address is an alias).
                :type ip: unicode
                :param hostname: The hostname to use for the reserved address.
                :type hostname: unicode
                :param mac: The MAC address the address is for.
                :type mac: unicode
                """)
            .Post("release", ReleaseAsync, """
                Release an IP address.

                :param ip: The IP address to release.
                :type ip: unicode
                :param force: (Admin only) Release an address another user reserved.
                :type force: boolean
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        Core.Users.Actor caller = request.Caller;
        bool all = caller.IsAdmin && request.Parameters.GetBool("all", false);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        IEnumerable<StaticIpAddress> addresses = model.IpAddresses.Where(a => a.Ip is not null
            && (all ? a.AllocType is IpAddressType.UserReserved or IpAddressType.Sticky : a.AllocType == IpAddressType.UserReserved && a.User == caller.Username));
        return NetworkJson.List(addresses, (w, a) => NetworkJson.WriteAddress(w, model, a));
    }

    private static async Task<ApiResult> ReserveAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        StaticIpAddress address = await request.Networks().ReserveAsync(
            request.Caller, form.Get("subnet"), form.Get("ip") ?? form.Get("ip_address"), form.Get("hostname"), form.Get("mac"), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteAddress(w, model, address));
    }

    private static async Task<ApiResult> ReleaseAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Parameters;
        string ip = form.Get("ip") ?? throw ApiException.BadRequest("No provided ip!");
        await request.Networks().ReleaseAsync(request.Caller, ip, form.GetBool("force", false), ct);
        return ApiResult.Deleted();
    }
}
