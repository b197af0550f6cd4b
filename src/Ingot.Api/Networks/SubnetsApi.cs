using Ingot.Api.Wire;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary><c>/MAAS/api/2.0/subnets/</c> (MAAS's <c>SubnetsHandler</c>): list; create (admin only).</summary>
public static class SubnetsApi
{
    public static ApiResource Resource { get; } = new(
        "subnets/",
        new ApiHandler("SubnetsHandler", "Manage subnets.")
            .Read(ListAsync, "List all subnets.")
            .Create(CreateAsync, """
                Create a subnet.

                Without vlan, fabric or vid the subnet goes on the default fabric's untagged VLAN.

                :param cidr: The network CIDR for this subnet.
                :type cidr: unicode
                :param name: Name of the subnet (default: the CIDR).
                :type name: unicode
                :param description: Description of the subnet.
                :type description: unicode
                :param vlan: VLAN id this subnet belongs to.
                :type vlan: int
                :param fabric: Fabric id for the subnet (with vid).
                :type fabric: int
                :param vid: VID of the VLAN this subnet belongs to.
                :type vid: int
                :param gateway_ip: Gateway IP address for the subnet.
                :type gateway_ip: unicode
                :param dns_servers: Comma-separated list of DNS servers for the subnet.
                :type dns_servers: unicode
                :param rdns_mode: How reverse DNS is handled for this subnet (0 disabled, 1 enabled, 2 RFC2317).
                :type rdns_mode: int
                :param allow_dns: Configure MAAS DNS to allow DNS resolution from this subnet.
                :type allow_dns: boolean
                :param allow_proxy: Configure maas-proxy to allow requests from this subnet.
                :type allow_proxy: boolean
                :param active_discovery: Whether to actively scan this subnet.
                :type active_discovery: boolean
                :param managed: In MAAS 2.0+, all subnets are assumed to be managed by default.
                :type managed: boolean
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.List(model.Subnets, (w, s) => NetworkJson.WriteSubnet(w, model, s));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        Subnet subnet = await request.Networks().CreateSubnetAsync(request.Caller, request.NetworkForm(), ct);
        NetworkModel model = await request.Networks().LoadAsync(ct);
        return NetworkJson.One(w => NetworkJson.WriteSubnet(w, model, model.Subnet(subnet.Id) ?? subnet));
    }
}
