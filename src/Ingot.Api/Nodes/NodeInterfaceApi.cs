using System.Globalization;
using Ingot.Api.Machines;
using Ingot.Api.Networks;
using Ingot.Api.Wire;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Wire.Machines;

namespace Ingot.Api.Nodes;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/interfaces/{id}/</c> (MAAS's <c>InterfaceHandler</c>): read an
/// interface; ops <c>link_subnet</c>, <c>unlink_subnet</c> and <c>set_default_gateway</c>, which answer
/// with the interface.
/// </summary>
public static class NodeInterfaceApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/interfaces/{id}/",
        new ApiHandler("InterfaceHandler", "Manage a node's or device's interface.")
            .Read(ReadAsync, "Read an interface.\n\nRead an interface with the given system_id and interface id.")
            .Post("link_subnet", LinkAsync, """
                Link interface to a subnet.

                :param mode: AUTO, DHCP, STATIC or LINK_UP.
                :type mode: unicode
                :param subnet: Subnet id (or another specifier) to link to (AUTO and STATIC need one).
                :type subnet: int
                :param ip_address: IP address for the interface in the subnet (STATIC only; default: the next free one).
                :type ip_address: unicode
                :param default_gateway: True sets the subnet's gateway as the machine's default gateway (AUTO and STATIC).
                :type default_gateway: boolean
                """)
            .Post("unlink_subnet", UnlinkAsync, "Unlink interface from subnet.\n\n:param id: ID of the link on the interface to remove.\n:type id: int")
            .Post("set_default_gateway", GatewayAsync, "Set the default gateway on a machine.\n\n:param link_id: ID of the link on this interface to select the default gateway IP address from.\n:type link_id: int"));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().FindVisibleAsync(request.Route("system_id"), request.Caller, ct)
            ?? throw ApiException.NotFound("Node");
        NetworkInterface nic = machine.Interfaces.FirstOrDefault(i => i.Id == InterfaceId(request)) ?? throw ApiException.NotFound("Interface");
        return await RenderAsync(request, machine, nic, ct);
    }

    private static async Task<ApiResult> LinkAsync(ApiRequest request, CancellationToken ct)
    {
        (Machine machine, NetworkInterface nic) = await request.Service<InterfaceLinking>().LinkSubnetAsync(
            request.Caller, request.Route("system_id"), InterfaceId(request), request.NetworkForm(), ct);
        return await RenderAsync(request, machine, nic, ct);
    }

    private static async Task<ApiResult> UnlinkAsync(ApiRequest request, CancellationToken ct)
    {
        (Machine machine, NetworkInterface nic) = await request.Service<InterfaceLinking>().UnlinkSubnetAsync(
            request.Caller, request.Route("system_id"), InterfaceId(request), LinkId(request, "id"), ct);
        return await RenderAsync(request, machine, nic, ct);
    }

    private static async Task<ApiResult> GatewayAsync(ApiRequest request, CancellationToken ct)
    {
        (Machine machine, NetworkInterface nic) = await request.Service<InterfaceLinking>().SetDefaultGatewayAsync(
            request.Caller, request.Route("system_id"), InterfaceId(request), LinkId(request, "link_id"), ct);
        return await RenderAsync(request, machine, nic, ct);
    }

    private static async Task<ApiResult> RenderAsync(ApiRequest request, Machine machine, NetworkInterface nic, CancellationToken ct)
    {
        MachineJsonContext context = await MachineResponses.ContextAsync(request, [], ct);
        return ApiResult.Json(w => MachineDevicesJson.WriteInterface(w, machine, nic, context));
    }

    private static long InterfaceId(ApiRequest request) =>
        long.TryParse(request.Route("id"), NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : throw ApiException.NotFound("Interface");

    private static long? LinkId(ApiRequest request, string name) =>
        request.Parameters.Get(name) is { Length: > 0 } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : -1
            : null;
}
