using System.Globalization;
using Ingot.Api.Machines;
using Ingot.Api.Networks;
using Ingot.Api.Wire;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Users;
using Ingot.Wire.Machines;

namespace Ingot.Api.Nodes;

/// <summary>
/// <c>/MAAS/api/2.0/nodes/{system_id}/interfaces/{id}/</c> (MAAS's <c>InterfaceHandler</c>): read, update (PUT)
/// and delete an interface; ops <c>link_subnet</c>, <c>unlink_subnet</c>, <c>set_default_gateway</c>,
/// <c>disconnect</c>, <c>add_tag</c> and <c>remove_tag</c>, which answer with the interface.
/// </summary>
public static class NodeInterfaceApi
{
    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/interfaces/{id}/",
        new ApiHandler("InterfaceHandler", "Manage a node's or device's interface.")
            .Read(ReadAsync, "Read an interface.\n\nRead an interface with the given system_id and interface id.")
            .Update(UpdateAsync, """
                Update an interface.

                Machines must be Ready, Allocated or Broken; a Deployed machine's interface takes only name, mac_address,
                link_connected, interface_speed and link_speed.

                :param name: Name of the interface (physical, bond, bridge).
                :type name: unicode
                :param mac_address: MAC address of the interface (physical, bond, bridge).
                :type mac_address: unicode
                :param tags: Tags for the interface.
                :type tags: unicode
                :param vlan: VLAN id the interface is connected to (empty: disconnected).
                :type vlan: int
                :param parents: Parent interface ids (bonds).
                :type parents: int
                :param parent: Parent interface id (bridges, VLAN interfaces).
                :type parent: int
                :param bond_mode: The operating mode of the bond.
                :type bond_mode: unicode
                :param bridge_stp: Turn spanning tree protocol on or off.
                :type bridge_stp: boolean
                :param bridge_fd: Bridge forward delay in seconds.
                :type bridge_fd: int
                :param mtu: Maximum transmission unit.
                :type mtu: int
                :param accept_ra: Accept router advertisements (IPv6 only).
                :type accept_ra: boolean
                :param link_connected: Whether the interface is connected to an uplink (physical).
                :type link_connected: boolean
                :param interface_speed: The speed of the interface in Mbit/s (physical).
                :type interface_speed: int
                :param link_speed: The speed of the link in Mbit/s (physical).
                :type link_speed: int
                """)
            .Delete(DeleteAsync, "Delete an interface.\n\nDelete an interface with the given system_id and interface id.")
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
            .Post("set_default_gateway", GatewayAsync, "Set the default gateway on a machine.\n\n:param link_id: ID of the link on this interface to select the default gateway IP address from.\n:type link_id: int")
            .Post("disconnect", (r, ct) => EditAsync(r, (e, a, s, id, c) => e.DisconnectAsync(a, s, id, c), ct), "Disconnect an interface.\n\nDeletes any linked subnets and IP addresses, and disconnects the interface from any associated VLAN.")
            .Post("add_tag", (r, ct) => EditAsync(r, (e, a, s, id, c) => e.AddTagAsync(a, s, id, r.Parameters.Required("tag"), c), ct), "Add a tag to an interface.\n\n:param tag: The tag to add.\n:type tag: unicode")
            .Post("remove_tag", (r, ct) => EditAsync(r, (e, a, s, id, c) => e.RemoveTagAsync(a, s, id, r.Parameters.Required("tag"), c), ct), "Remove a tag from an interface.\n\n:param tag: The tag to remove.\n:type tag: unicode"));

    private delegate Task<(Machine Machine, NetworkInterface Interface)> Edit(InterfaceEditing editing, Actor actor, string systemId, long interfaceId, CancellationToken ct);

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().FindVisibleAsync(request.Route("system_id"), request.Caller, ct)
            ?? throw ApiException.NotFound("Node");
        NetworkInterface nic = machine.Interfaces.FirstOrDefault(i => i.Id == InterfaceId(request)) ?? throw ApiException.NotFound("Interface");
        return await RenderAsync(request, machine, nic, ct);
    }

    private static Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct) =>
        EditAsync(request, (e, a, s, id, c) => e.UpdateAsync(a, s, id, request.NetworkForm(), c), ct);

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<InterfaceEditing>().DeleteAsync(request.Caller, request.Route("system_id"), InterfaceId(request), ct);
        return ApiResult.Deleted();
    }

    private static async Task<ApiResult> EditAsync(ApiRequest request, Edit edit, CancellationToken ct)
    {
        (Machine machine, NetworkInterface nic) = await edit(request.Service<InterfaceEditing>(), request.Caller, request.Route("system_id"), InterfaceId(request), ct);
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
