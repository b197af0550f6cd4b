using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

/// <summary>
/// MAAS's interface edits on machines (<c>InterfacesHandler.create_physical|create_bond|create_bridge|create_vlan</c>,
/// <c>InterfaceHandler.update|delete|disconnect|add_tag|remove_tag</c>), used by the REST API and the UI alike.
/// An administrator's edits only (403 otherwise), on a READY, ALLOCATED or BROKEN machine (an update also on a
/// DEPLOYED one, then only its name, MAC and link facts); every field is checked before anything changes, and a
/// refusal is MAAS's 400 field → messages dict or its 409 text. Parents are given by interface id.
/// </summary>
public sealed partial class InterfaceEditing(IMachineStore machines, NetworkOperations networks, NetworkModelVersion version, TimeProvider time)
{
    /// <summary><c>create_physical</c>: a MAC (required, unused anywhere), a name (default the next <c>ethN</c>), tags, an untagged VLAN, MTU.</summary>
    public async Task<(Machine Machine, NetworkInterface Interface)> CreatePhysicalAsync(Actor actor, string systemId, NetworkForm form, CancellationToken ct)
    {
        Machine machine = await EditableAsync(actor, systemId, "create", deployedToo: false, ct);
        var errors = new FormErrors();
        MacAddress? mac = InterfaceFields.Mac(form, "mac_address", errors);
        if (mac is null && !errors.Has("mac_address"))
        {
            errors.Add("mac_address", FormErrors.Required);
        }
        else if (mac is { } wanted && await machines.FindByMacAsync(wanted, ct) is { } holder)
        {
            errors.Add("mac_address", $"MAC address {wanted} already in use on {holder.Hostname}.");
        }

        string name = form.Get("name")?.Trim() is { Length: > 0 } given ? given : NextName(machine);
        InterfaceFields.CheckName("name", name, errors);
        CheckUnique(machine, name, null, "name", errors);
        (bool _, Vlan? vlan) = ReadVlan(form, await networks.LoadAsync(ct), errors);
        var nic = new NetworkInterface { Name = name, MacAddress = mac ?? default, Vlan = vlan?.Vid, Tags = InterfaceFields.Tags(form) };
        InterfaceFields.ReadCommon(form, errors, nic.Params);
        errors.ThrowIfAny();
        if (vlan is not null)
        {
            EnsureLinkUp(nic);
        }

        machine.Interfaces.Add(nic);
        await SaveAsync(machine, [], ct);
        return (machine, nic);
    }

    /// <summary>
    /// <c>create_bond</c>: a name, one or more free parents on one VLAN, the bond parameters; the MAC is the first
    /// parent's unless given. As MAAS, the parents lose their links (their addresses given back) and the bond gets LINK_UP,
    /// or the <paramref name="link"/> MAAS's UI sends with it.
    /// </summary>
    public async Task<(Machine Machine, NetworkInterface Interface)> CreateBondAsync(
        Actor actor, string systemId, NetworkForm form, CancellationToken ct, NetworkForm? link = null)
    {
        Machine machine = await EditableAsync(actor, systemId, "create bond", deployedToo: false, ct);
        var errors = new FormErrors();
        string? name = form.Get("name")?.Trim();
        InterfaceFields.CheckName("name", name, errors);
        if (!errors.Has("name"))
        {
            CheckUnique(machine, name!, null, "name", errors);
        }

        List<NetworkInterface> parents = Parents(form, "parents", "parents", machine, errors);
        if (!errors.Has("parents") && parents.Count == 0)
        {
            errors.Add("parents", "A bond interface must have one or more parents.");
        }

        CheckParentsFree(machine, parents, null, vlanChildrenAllowed: false, "parents", errors);
        (bool sent, Vlan? vlan) = ReadVlan(form, await networks.LoadAsync(ct), errors);
        int? vid = sent ? vlan?.Vid : parents.Select(p => p.Vlan).FirstOrDefault(v => v is not null);
        if (parents.Any(p => p.Vlan is int own && own != vid) && !errors.Has("parents"))
        {
            errors.Add("parents", "All parents must belong to the same VLAN.");
        }

        MacAddress? mac = InterfaceFields.Mac(form, "mac_address", errors) ?? parents.FirstOrDefault()?.MacAddress;
        var bond = new NetworkInterface
        {
            Name = name ?? "",
            Type = InterfaceType.Bond,
            MacAddress = mac ?? default,
            Parents = [.. parents.Select(p => p.Name)],
            Vlan = vid,
            Tags = InterfaceFields.Tags(form),
        };
        InterfaceFields.ReadCommon(form, errors, bond.Params);
        InterfaceFields.ReadBond(form, errors, bond.Params, created: true);
        var linked = await NewLinkAsync(link, errors, ct);
        errors.ThrowIfAny();
        List<(long, string)> claimed = await ClaimNewLinkAsync(actor, linked, ct);
        List<(long, string)> released = ClearParents(bond, parents);
        EnsureLinkUp(bond);
        ApplyNewLink(bond, linked);
        machine.Interfaces.Add(bond);
        await SaveClaimingAsync(machine, released, bond, claimed, claimed, ct);
        return (machine, bond);
    }

    /// <summary>
    /// <c>create_bridge</c>: exactly one parent that is no bridge and in no bond or bridge; the name defaults to
    /// <c>br-&lt;parent&gt;</c>, the MAC and VLAN to the parent's (on an ALLOCATED machine the VLAN is always the parent's).
    /// As MAAS, the parent loses its links (addresses given back) and the bridge gets LINK_UP, except on an ALLOCATED
    /// machine, where the parent's links and addresses move to the bridge (MAAS's <c>AcquiredBridgeInterfaceForm</c>).
    /// </summary>
    public async Task<(Machine Machine, NetworkInterface Interface)> CreateBridgeAsync(
        Actor actor, string systemId, NetworkForm form, CancellationToken ct, NetworkForm? link = null)
    {
        Machine machine = await EditableAsync(actor, systemId, "create bridge", deployedToo: false, ct);
        var errors = new FormErrors();
        NetworkInterface? parent = BridgeParent(machine, Parents(form, ParentKey(form), "parent", machine, errors), null, errors);
        string name = form.Get("name")?.Trim() is { Length: > 0 } given ? given : BridgeName(parent);
        InterfaceFields.CheckName("name", name, errors);
        if (!errors.Has("name"))
        {
            CheckUnique(machine, name, null, "name", errors);
        }

        (bool sent, Vlan? vlan) = ReadVlan(form, await networks.LoadAsync(ct), errors);
        int? vid = sent && machine.Status != MachineStatus.Allocated ? vlan?.Vid : parent?.Vlan;
        MacAddress? mac = InterfaceFields.Mac(form, "mac_address", errors) ?? parent?.MacAddress;
        var bridge = new NetworkInterface
        {
            Name = name,
            Type = InterfaceType.Bridge,
            MacAddress = mac ?? default,
            Parents = parent is null ? [] : [parent.Name],
            Vlan = vid,
            Tags = InterfaceFields.Tags(form),
        };
        InterfaceFields.ReadCommon(form, errors, bridge.Params);
        InterfaceFields.ReadBridge(form, errors, bridge.Params, created: true);
        var linked = await NewLinkAsync(link, errors, ct);
        errors.ThrowIfAny();
        List<(long, string)> claimed = await ClaimNewLinkAsync(actor, linked, ct);
        bool acquired = machine.Status == MachineStatus.Allocated;
        List<(long, string)> moved = acquired ? MoveLinks(bridge, parent!) : [];
        List<(long, string)> released = ClearParents(bridge, [parent!]);
        EnsureLinkUp(bridge);
        ApplyNewLink(bridge, linked);
        machine.Interfaces.Add(bridge);
        await SaveClaimingAsync(machine, released, bridge, [.. moved, .. claimed], claimed, ct);
        return (machine, bridge);
    }

    /// <summary>
    /// <c>create_vlan</c>: a tagged VLAN (not the parent's own) and one parent that is no VLAN and in no bond; named
    /// <c>&lt;parent&gt;.&lt;vid&gt;</c>. The parent keeps its links; the new interface gets LINK_UP.
    /// </summary>
    public async Task<(Machine Machine, NetworkInterface Interface)> CreateVlanAsync(Actor actor, string systemId, NetworkForm form, CancellationToken ct)
    {
        Machine machine = await EditableAsync(actor, systemId, "create VLAN", deployedToo: false, ct);
        var errors = new FormErrors();
        NetworkInterface? parent = VlanParent(machine, Parents(form, ParentKey(form), "parent", machine, errors), errors);
        NetworkModel model = await networks.LoadAsync(ct);
        (bool _, Vlan? vlan) = ReadVlan(form, model, errors);
        CheckTagged(vlan, model, parent, errors);
        string name = parent is not null && vlan is not null ? VlanName(parent, vlan.Vid) : "";
        if (name.Length > 0 && !errors.Has("vlan"))
        {
            CheckUnique(machine, name, null, "name", errors);
        }

        var nic = new NetworkInterface
        {
            Name = name,
            Type = InterfaceType.Vlan,
            MacAddress = parent?.MacAddress ?? default,
            Parents = parent is null ? [] : [parent.Name],
            Vlan = vlan?.Vid,
            Tags = InterfaceFields.Tags(form),
        };
        InterfaceFields.ReadCommon(form, errors, nic.Params);
        errors.ThrowIfAny();
        EnsureLinkUp(nic);
        machine.Interfaces.Add(nic);
        await SaveAsync(machine, [], ct);
        return (machine, nic);
    }

    /// <summary>MAAS's VLAN interface name: the parent's name, a dot, the VID.</summary>
    public static string VlanName(NetworkInterface parent, int vid) => $"{parent.Name}.{vid}";

    private static string BridgeName(NetworkInterface? parent) => parent is null ? "" : $"br-{parent.Name}";

    private static NetworkInterface? BridgeParent(Machine machine, List<NetworkInterface> parents, NetworkInterface? self, FormErrors errors)
    {
        if (errors.Has("parent"))
        {
            return null;
        }

        string? problem = parents.Count != 1 ? "A bridge interface must have exactly one parent."
            : parents[0].Type == InterfaceType.Bridge ? "A bridge interface can't have another bridge interface as parent."
            : Children(machine, parents[0]).Any(c => !ReferenceEquals(c, self) && c.Type is InterfaceType.Bond or InterfaceType.Bridge)
                ? "A bridge interface can't have a parent that is already in a bond or a bridge."
            : null;
        if (problem is not null)
        {
            errors.Add("parent", problem);
            return null;
        }

        return parents[0];
    }

    private static NetworkInterface? VlanParent(Machine machine, List<NetworkInterface> parents, FormErrors errors)
    {
        if (errors.Has("parent"))
        {
            return null;
        }

        string? problem = parents.Count != 1 ? "A VLAN interface must have exactly one parent."
            : parents[0].Type == InterfaceType.Vlan ? "A VLAN interface can't have another VLAN interface as parent."
            : Children(machine, parents[0]).Any(c => c.Type == InterfaceType.Bond) ? "A VLAN interface can't have a parent that is already in a bond."
            : null;
        if (problem is not null)
        {
            errors.Add("parent", problem);
            return null;
        }

        return parents[0];
    }
}
