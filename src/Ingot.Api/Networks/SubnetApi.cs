using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary>
/// <c>/MAAS/api/2.0/subnets/{id}/</c> (MAAS's <c>SubnetHandler</c>): the subnet by id, <c>name:</c>,
/// <c>cidr:</c>, <c>ip:</c>, name, or a bare CIDR (<c>subnets/10.0.0.0/24/</c>, the second resource);
/// read, update and delete (admin only); ops <c>ip_addresses</c>, <c>reserved_ip_ranges</c>,
/// <c>unreserved_ip_ranges</c> and <c>statistics</c>.
/// </summary>
public static class SubnetApi
{
    public static ApiResource Resource { get; } = Build("SubnetHandler", "subnets/{id}/", r => r.Route("id"));

    public static ApiResource ByCidrResource { get; } = Build("SubnetByCidrHandler", "subnets/{address}/{prefix}/", r => $"{r.Route("address")}/{r.Route("prefix")}");

    private static ApiResource Build(string handlerName, string path, Func<ApiRequest, string> specifier) => new(
        path,
        new ApiHandler(handlerName, "Manage subnet.")
            .Read((r, ct) => ReadAsync(r, specifier(r), ct), "Get a subnet.\n\nGet information about a subnet with the given ID.")
            .Update((r, ct) => UpdateAsync(r, specifier(r), ct), """
                Update a subnet.

                Takes the fields of subnets create; the VLAN changes only with vlan.
                """)
            .Delete((r, ct) => DeleteAsync(r, specifier(r), ct), "Delete a subnet.\n\nDelete a subnet with the given ID, with its IP ranges and addresses.")
            .Get("ip_addresses", (r, ct) => AddressesAsync(r, specifier(r), ct), "Summary of IP addresses.\n\nReturns a summary of IP addresses assigned to this subnet.")
            .Get("reserved_ip_ranges", (r, ct) => SpansAsync(r, specifier(r), reserved: true, ct), "List reserved IP ranges.\n\nLists IP ranges currently reserved in the subnet.")
            .Get("unreserved_ip_ranges", (r, ct) => SpansAsync(r, specifier(r), reserved: false, ct), "List unreserved IP ranges.\n\nLists IP ranges currently unreserved in the subnet.")
            .Get("statistics", (r, ct) => StatisticsAsync(r, specifier(r), ct), "Get subnet statistics.\n\nReturns statistics for the specified subnet."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, string specifier, CancellationToken ct)
    {
        NetworkModel model = await request.Networks().LoadAsync(ct);
        Subnet subnet = NetworkOperations.SubnetOf(model, specifier);
        return NetworkJson.One(w => NetworkJson.WriteSubnet(w, model, subnet));
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, string specifier, CancellationToken ct)
    {
        Subnet subnet = await request.Networks().UpdateSubnetAsync(request.Caller, specifier, request.NetworkForm(), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteSubnet(w, model, model.Subnet(subnet.Id) ?? subnet));
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, string specifier, CancellationToken ct)
    {
        await request.Networks().DeleteSubnetAsync(request.Caller, specifier, ct);
        return ApiResult.Deleted();
    }

    /// <summary>The allocated addresses (MAAS's <c>ip_addresses</c>: ip, alloc_type, created, user), and those machines' links hold.</summary>
    private static async Task<ApiResult> AddressesAsync(ApiRequest request, string specifier, CancellationToken ct)
    {
        _ = request.Caller;
        NetworkModel model = await request.Networks().LoadAsync(ct);
        Subnet subnet = NetworkOperations.SubnetOf(model, specifier);
        List<StaticIpAddress> stored = [.. model.AddressesIn(subnet.Id).Where(a => a.Ip is not null)];
        var held = (await request.Networks().LinkAddressesAsync(subnet.Cidr, ct)).Where(ip => stored.All(a => a.Ip != ip)).Distinct().ToList();
        return ApiResult.Json(w =>
        {
            w.WriteStartArray();
            foreach (StaticIpAddress address in stored)
            {
                w.WriteStartObject();
                w.WriteString("ip", address.Ip);
                w.WriteNumber("alloc_type", (int)address.AllocType);
                w.WriteString("alloc_type_name", address.AllocTypeName);
                w.WriteString("created", address.Created.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("user", address.User);
                w.WriteEndObject();
            }

            foreach (string ip in held)
            {
                w.WriteStartObject();
                w.WriteString("ip", ip);
                w.WriteNumber("alloc_type", (int)IpAddressType.Sticky);
                w.WriteString("alloc_type_name", "Static");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static async Task<ApiResult> SpansAsync(ApiRequest request, string specifier, bool reserved, CancellationToken ct)
    {
        _ = request.Caller;
        SubnetUsage usage = await request.Networks().UsageAsync(specifier, ct);
        return NetworkJson.Spans(reserved ? usage.Reserved() : usage.Unreserved(), withPurpose: reserved);
    }

    private static async Task<ApiResult> StatisticsAsync(ApiRequest request, string specifier, CancellationToken ct)
    {
        _ = request.Caller;
        return NetworkJson.Statistics(await request.Networks().UsageAsync(specifier, ct));
    }
}
