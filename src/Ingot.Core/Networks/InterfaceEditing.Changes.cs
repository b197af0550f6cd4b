using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

/// <summary>Deleting, disconnecting and tagging an interface.</summary>
public sealed partial class InterfaceEditing
{
    /// <summary>
    /// <c>delete</c>: READY, ALLOCATED or BROKEN. A parent of a bond or bridge is refused (delete the bond or
    /// bridge first); the interface's VLAN interfaces go with it; parents left without links get LINK_UP;
    /// static addresses are given back.
    /// </summary>
    public async Task<Machine> DeleteAsync(Actor actor, string systemId, long interfaceId, CancellationToken ct)
    {
        Machine machine = await EditableAsync(actor, systemId, "delete interface", deployedToo: false, ct);
        NetworkInterface nic = Find(machine, interfaceId);
        List<NetworkInterface> children = [.. Children(machine, nic)];
        if (children.FirstOrDefault(c => c.Type is InterfaceType.Bond or InterfaceType.Bridge) is { } owner)
        {
            throw MachineOperationException.Validation(
                $"Cannot delete interface {nic.Name} because it is a parent of {InterfaceTypeName(owner.Type)} {owner.Name}; delete {owner.Name} first.");
        }

        List<NetworkInterface> removed = [nic, .. children];
        var released = StaticAddresses(removed);
        machine.Interfaces.RemoveAll(removed.Contains);
        foreach (NetworkInterface parent in machine.Interfaces.Where(i => nic.Parents.Contains(i.Name)))
        {
            EnsureLinkUp(parent);
        }

        await SaveAsync(machine, released, ct);
        return machine;
    }

    /// <summary><c>disconnect</c>: the interface loses its links (static addresses given back) and its VLAN.</summary>
    public async Task<(Machine Machine, NetworkInterface Interface)> DisconnectAsync(Actor actor, string systemId, long interfaceId, CancellationToken ct)
    {
        Machine machine = await EditableAsync(actor, systemId, "disconnect", deployedToo: false, ct);
        NetworkInterface nic = Find(machine, interfaceId);
        var released = StaticAddresses([nic]);
        nic.Links.Clear();
        nic.Vlan = null;
        await SaveAsync(machine, released, ct);
        return (machine, nic);
    }

    /// <summary><c>add_tag</c>: in any status; a tag already there is kept once.</summary>
    public Task<(Machine Machine, NetworkInterface Interface)> AddTagAsync(Actor actor, string systemId, long interfaceId, string tag, CancellationToken ct) =>
        TagAsync(actor, systemId, interfaceId, nic =>
        {
            if (!nic.Tags.Contains(tag))
            {
                nic.Tags.Add(tag);
            }
        }, ct);

    /// <summary><c>remove_tag</c>: in any status; a tag not there changes nothing.</summary>
    public Task<(Machine Machine, NetworkInterface Interface)> RemoveTagAsync(Actor actor, string systemId, long interfaceId, string tag, CancellationToken ct) =>
        TagAsync(actor, systemId, interfaceId, nic => nic.Tags.Remove(tag), ct);

    private async Task<(Machine, NetworkInterface)> TagAsync(Actor actor, string systemId, long interfaceId, Action<NetworkInterface> edit, CancellationToken ct)
    {
        Machine machine = await EditableAsync(actor, systemId, null, deployedToo: true, ct);
        NetworkInterface nic = Find(machine, interfaceId);
        edit(nic);
        await SaveAsync(machine, [], ct);
        return (machine, nic);
    }

    private static string InterfaceTypeName(InterfaceType type) => type == InterfaceType.Bond ? "bond" : "bridge";
}
