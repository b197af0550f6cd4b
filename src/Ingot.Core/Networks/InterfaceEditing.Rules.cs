using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

/// <summary>The rules the interface edits share: who and when, parents, names, VLANs, and moving links.</summary>
public sealed partial class InterfaceEditing
{
    /// <summary>MAAS's <c>raise_error_for_invalid_state_on_allocated_operations</c> text (<see cref="InterfaceEditRules.NotEditable"/>).</summary>
    public static string NotEditable(string operation) => InterfaceEditRules.NotEditable(operation);

    /// <summary>The machine for an administrator's edit (404 unless visible, 403 unless admin), in a status that allows <paramref name="operation"/>.</summary>
    private async Task<Machine> EditableAsync(Actor actor, string systemId, string? operation, bool deployedToo, CancellationToken ct)
    {
        Machine machine = await new MachineQueries(machines).GetAsync(systemId, actor, NodePermission.Admin, ct);
        return InterfaceEditRules.Edit(actor, machine, operation, deployedToo) is { } refusal ? throw refusal : machine;
    }

    private static NetworkInterface Find(Machine machine, long interfaceId) =>
        machine.Interfaces.FirstOrDefault(i => i.Id == interfaceId) ?? throw NotFound.Of("Interface");

    /// <summary>The interfaces named by id in <paramref name="key"/>; each must be this machine's (Django's model choice message otherwise).</summary>
    private static List<NetworkInterface> Parents(NetworkForm form, string key, string errorField, Machine machine, FormErrors errors)
    {
        var parents = new List<NetworkInterface>();
        foreach (string value in form.GetAll(key).Where(v => v.Trim().Length > 0))
        {
            NetworkInterface? parent = long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                ? machine.Interfaces.FirstOrDefault(i => i.Id == id)
                : null;
            if (parent is null)
            {
                errors.Add(errorField, $"Select a valid choice. {value} is not one of the available choices.");
            }
            else if (!parents.Contains(parent))
            {
                parents.Add(parent);
            }
        }

        return parents;
    }

    /// <summary>The key a single-parent op reads: <c>parent</c> as MAAS's API names it, else <c>parents</c>.</summary>
    private static string ParentKey(NetworkForm form) => form.Has("parent") ? "parent" : "parents";

    private static IEnumerable<NetworkInterface> Children(Machine machine, NetworkInterface nic) =>
        machine.Interfaces.Where(i => !ReferenceEquals(i, nic) && i.Parents.Contains(nic.Name));

    /// <summary>MAAS's <c>validate_parental_fidelity</c>: no parent may already have a child (VLANs allowed for bridges).</summary>
    private static void CheckParentsFree(Machine machine, IEnumerable<NetworkInterface> parents, NetworkInterface? self, bool vlanChildrenAllowed, string field, FormErrors errors)
    {
        List<string> taken = [.. parents
            .Where(p => Children(machine, p).Any(c => !ReferenceEquals(c, self) && !(vlanChildrenAllowed && c.Type == InterfaceType.Vlan)))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal)];
        if (taken.Count > 0)
        {
            errors.Add(field, $"Interfaces already in-use: {string.Join(", ", taken)}.");
        }
    }

    private static void CheckUnique(Machine machine, string name, NetworkInterface? self, string field, FormErrors errors)
    {
        if (machine.Interfaces.Any(i => !ReferenceEquals(i, self) && i.Name == name))
        {
            errors.Add(field, $"Node {machine.Hostname} already has an interface named '{name}'.");
        }
    }

    /// <summary>MAAS's <c>get_next_ifname</c>: the first <c>ethN</c> not taken.</summary>
    private static string NextName(Machine machine)
    {
        for (int n = 0; ; n++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"eth{n}");
            if (!machine.Interfaces.Any(i => i.Name == name))
            {
                return name;
            }
        }
    }

    /// <summary>The <c>vlan</c> field: not sent, sent empty (no VLAN), or a VLAN by id (Django's message for an unknown one).</summary>
    private static (bool Sent, Vlan? Vlan) ReadVlan(NetworkForm form, NetworkModel model, FormErrors errors)
    {
        if (form.Get("vlan") is not { } text)
        {
            return (false, null);
        }

        if (text.Trim().Length == 0)
        {
            return (true, null);
        }

        Vlan? vlan = long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? model.Vlan(id) : null;
        if (vlan is null)
        {
            errors.Add("vlan", NetworkErrors.InvalidChoice);
        }

        return (true, vlan);
    }

    /// <summary>A VLAN interface's VLAN: tagged, and not the parent's own.</summary>
    private static void CheckTagged(Vlan? vlan, NetworkModel model, NetworkInterface? parent, FormErrors errors)
    {
        if (errors.Has("vlan"))
        {
            return;
        }

        if (vlan is null)
        {
            errors.Add("vlan", "A VLAN interface must be connected to a tagged VLAN.");
        }
        else if (vlan.Vid == 0 || model.IsDefaultVlan(vlan) || (parent?.Vlan is int own && own == vlan.Vid))
        {
            errors.Add("vlan", "A VLAN interface can only belong to a tagged VLAN.");
        }
    }

    /// <summary>
    /// MAAS's <c>Interface._update_parents</c> for a bond or bridge: each parent loses every link
    /// (<c>clear_all_links(clearing_config=True)</c>, so no LINK_UP either) and takes the child's VLAN; the
    /// addresses its links held are returned, to be given back to the pool.
    /// </summary>
    private static List<(long InterfaceId, string Ip)> ClearParents(NetworkInterface child, IEnumerable<NetworkInterface> parents)
    {
        var released = new List<(long, string)>();
        foreach (NetworkInterface parent in parents)
        {
            released.AddRange(HeldAddresses(parent));
            parent.Links.Clear();
            parent.Vlan = child.Vlan;
        }

        return released;
    }

    /// <summary>
    /// MAAS's <c>AcquiredBridgeInterfaceForm</c> (a bridge made on an ALLOCATED machine): the parent's links move
    /// to the bridge with their addresses (returned, to be re-keyed to the bridge once it has an id); the parent
    /// is left with none and the bridge with at least a LINK_UP link.
    /// </summary>
    private static List<(long InterfaceId, string Ip)> MoveLinks(NetworkInterface bridge, NetworkInterface parent)
    {
        List<(long InterfaceId, string Ip)> moved = HeldAddresses(parent);
        bridge.Links.AddRange(parent.Links.Select(l => l.Copy()));
        parent.Links.Clear();
        EnsureLinkUp(bridge);
        return moved;
    }

    /// <summary>The addresses an interface's STATIC and AUTO links hold.</summary>
    private static List<(long InterfaceId, string Ip)> HeldAddresses(NetworkInterface nic) =>
        [.. nic.Links.Where(l => l.Mode is LinkMode.Static or LinkMode.Auto && l.IpAddress is not null).Select(l => (nic.Id, l.IpAddress!))];

    /// <summary>MAAS's <c>ensure_link_up</c>: an interface without links gets a LINK_UP one.</summary>
    private static void EnsureLinkUp(NetworkInterface nic)
    {
        if (nic.Links.Count == 0)
        {
            nic.Links.Add(new InterfaceLink { Mode = LinkMode.LinkUp });
        }
    }

    private static List<(long InterfaceId, string Ip)> StaticAddresses(IEnumerable<NetworkInterface> interfaces) =>
        [.. interfaces.SelectMany(i => i.Links.Where(l => l.Mode == LinkMode.Static && l.IpAddress is not null).Select(l => (i.Id, l.IpAddress!)))];

    /// <summary>
    /// <see cref="SaveAsync"/> for a new bond or bridge; when the save fails, the address claimed for its STATIC link
    /// (<paramref name="claimed"/>, still on no interface) is given back before the failure is passed on.
    /// </summary>
    private async Task SaveClaimingAsync(Machine machine, List<(long, string)> released, NetworkInterface child, List<(long, string)> moved, List<(long InterfaceId, string Ip)> claimed, CancellationToken ct)
    {
        try
        {
            await SaveAsync(machine, released, ct, child, moved);
        }
        catch when (claimed.Count > 0)
        {
            foreach ((long interfaceId, string ip) in claimed)
            {
                await networks.ReleaseForLinkAsync(interfaceId, ip, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>
    /// Saves the machine and, in the same transaction, gives back <paramref name="released"/> and re-keys
    /// <paramref name="moved"/> to <paramref name="child"/> (given back too when the child has no id):
    /// <see cref="LinkAddresses"/>.
    /// </summary>
    private async Task SaveAsync(Machine machine, IReadOnlyList<(long InterfaceId, string Ip)> released, CancellationToken ct, NetworkInterface? child = null, List<(long InterfaceId, string Ip)>? moved = null)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        machine.Updated = now;
        var addresses = new LinkAddresses(released, moved ?? [], child, now);
        if (addresses.IsEmpty)
        {
            await machines.SaveAsync(machine, ct);
        }
        else
        {
            await machines.SaveAsync(machine, addresses, ct);
        }

        version.Bump();
    }
}
