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
/// <c>/MAAS/api/2.0/nodes/{system_id}/interfaces/</c> (MAAS's <c>InterfacesHandler</c>): the node's interfaces as
/// the machine JSON nests them, and the create ops (<c>create_physical</c>, <c>create_bond</c>, <c>create_bridge</c>,
/// <c>create_vlan</c>) through Core's <see cref="InterfaceEditing"/>, each answering with the new interface.
/// 404 "No Node matches the given query." for a node the caller may not view.
/// </summary>
public static class NodeInterfacesApi
{
    private const string Common = """
        :param tags: Tags for the interface (repeat or comma-separate).
        :type tags: unicode
        :param mtu: Maximum transmission unit (at least 552).
        :type mtu: int
        :param accept_ra: Accept router advertisements (IPv6 only).
        :type accept_ra: boolean
        """;

    public static ApiResource Resource { get; } = new(
        "nodes/{system_id}/interfaces/",
        new ApiHandler("InterfacesHandler", "Manage interfaces on a node.")
            .Read(ReadAsync, "List interfaces.\n\nList all interfaces belonging to a machine, device, or rack controller.")
            .Post("create_physical", (r, ct) => CreateAsync(r, (e, a, s, f, c) => e.CreatePhysicalAsync(a, s, f, c), ct), $"""
                Create a physical interface on a machine.

                :param mac_address: MAC address of the interface.
                :type mac_address: unicode
                :param name: Name of the interface (default: the next ethN).
                :type name: unicode
                :param vlan: Untagged VLAN id the interface is connected to; none means disconnected.
                :type vlan: int
                {Common}
                """)
            .Post("create_bond", (r, ct) => CreateAsync(r, (e, a, s, f, c) => e.CreateBondAsync(a, s, f, c), ct), $"""
                Create a bond interface on a machine.

                :param name: Name of the interface.
                :type name: unicode
                :param parents: Parent interface ids that make this bond (repeat).
                :type parents: int
                :param mac_address: MAC address of the interface (default: the first parent's).
                :type mac_address: unicode
                :param vlan: VLAN id the interface is connected to (default: the parents').
                :type vlan: int
                :param bond_mode: balance-rr, active-backup, balance-xor, broadcast, 802.3ad, balance-tlb or balance-alb (default balance-rr).
                :type bond_mode: unicode
                :param bond_miimon: Link monitoring frequency in milliseconds (default 100).
                :type bond_miimon: int
                :param bond_downdelay: Milliseconds to wait before disabling a slave after a link failure.
                :type bond_downdelay: int
                :param bond_updelay: Milliseconds to wait before enabling a slave after a link recovery.
                :type bond_updelay: int
                :param bond_lacp_rate: fast or slow (default slow), for 802.3ad.
                :type bond_lacp_rate: unicode
                :param bond_xmit_hash_policy: layer2, layer2+3, layer3+4, encap2+3 or encap3+4 (default layer2).
                :type bond_xmit_hash_policy: unicode
                :param bond_num_grat_arp: Peer notifications after a failover, 0 to 255 (default 1).
                :type bond_num_grat_arp: int
                {Common}
                """)
            .Post("create_bridge", (r, ct) => CreateAsync(r, (e, a, s, f, c) => e.CreateBridgeAsync(a, s, f, c), ct), $"""
                Create a bridge interface on a machine.

                :param name: Name of the interface (default: br-<parent>).
                :type name: unicode
                :param parent: Parent interface id for this bridge interface.
                :type parent: int
                :param mac_address: MAC address of the interface (default: the parent's).
                :type mac_address: unicode
                :param vlan: VLAN id the interface is connected to (default: the parent's).
                :type vlan: int
                :param bridge_type: standard or ovs (default standard).
                :type bridge_type: unicode
                :param bridge_stp: Turn spanning tree protocol on or off (default False).
                :type bridge_stp: boolean
                :param bridge_fd: Bridge forward delay in seconds (default 15).
                :type bridge_fd: int
                {Common}
                """)
            .Post("create_vlan", (r, ct) => CreateAsync(r, (e, a, s, f, c) => e.CreateVlanAsync(a, s, f, c), ct), $"""
                Create a VLAN interface on a machine.

                :param vlan: Tagged VLAN id the interface is connected to.
                :type vlan: int
                :param parent: Parent interface id for this VLAN interface.
                :type parent: int
                {Common}
                """));

    private delegate Task<(Machine Machine, NetworkInterface Interface)> Create(InterfaceEditing editing, Actor actor, string systemId, NetworkForm form, CancellationToken ct);

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().FindVisibleAsync(request.Route("system_id"), request.Caller, ct)
            ?? throw ApiException.NotFound("Node");
        MachineJsonContext context = await MachineResponses.ContextAsync(request, [], ct);
        return ApiResult.Json(writer => MachineDevicesJson.WriteInterfaces(writer, machine, context));
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, Create create, CancellationToken ct)
    {
        (Machine machine, NetworkInterface nic) = await create(request.Service<InterfaceEditing>(), request.Caller, request.Route("system_id"), request.NetworkForm(), ct);
        MachineJsonContext context = await MachineResponses.ContextAsync(request, [], ct);
        return ApiResult.Json(w => MachineDevicesJson.WriteInterface(w, machine, nic, context));
    }
}
