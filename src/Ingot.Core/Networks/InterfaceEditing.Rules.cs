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
    /// A new bond's or bridge's parents give it their links: AUTO, DHCP, LINK_UP and STATIC links move (a STATIC
    /// address keeps its IP; its allocation is moved to the child after the save, <see cref="AdoptedAddressesAsync"/>);
    /// a second link to a subnet the child already has is dropped (its static address given back, returned here).
    /// Parents are left with none; the child keeps at least a LINK_UP link.
    /// </summary>
    private static (List<(long InterfaceId, string Ip)> Released, List<(long InterfaceId, string Ip)> Moved) Adopt(NetworkInterface child, IEnumerable<NetworkInterface> parents)
    {
        var released = new List<(long, string)>();
        var moved = new List<(long, string)>();
        foreach (NetworkInterface parent in parents)
        {
            foreach (InterfaceLink link in parent.Links)
            {
                bool addressed = link.Mode is LinkMode.Static or LinkMode.Auto;
                bool duplicate = addressed && link.Subnet is not null
                    ? child.Links.Any(l => l.Subnet == link.Subnet && l.Mode is LinkMode.Static or LinkMode.Auto)
                    : child.Links.Any(l => l.Mode == link.Mode && l.Subnet == link.Subnet);
                if (link.Mode == LinkMode.Static && link.IpAddress is { } ip)
                {
                    (duplicate ? released : moved).Add((parent.Id, ip));
                }

                if (!duplicate)
                {
                    child.Links.Add(link.Copy());
                }
            }

            parent.Links.Clear();
        }

        if (child.Links.Count > 1)
        {
            child.Links.RemoveAll(l => l.Mode == LinkMode.LinkUp);
        }

        EnsureLinkUp(child);
        return (released, moved);
    }

    /// <summary>Moves the parents' static address allocations to the saved child (given back when it has no id).</summary>
    private async Task AdoptedAddressesAsync(NetworkInterface child, IReadOnlyList<(long InterfaceId, string Ip)> moved, CancellationToken ct)
    {
        foreach ((long parentId, string ip) in moved)
        {
            if (child.Id == 0)
            {
                await networks.ReleaseForLinkAsync(parentId, ip, ct);
            }
            else
            {
                await networks.MoveForLinkAsync(parentId, child.Id, ip, ct);
            }
        }
    }

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

    private async Task SaveAsync(Machine machine, IReadOnlyList<(long InterfaceId, string Ip)> released, CancellationToken ct, NetworkInterface? child = null, IReadOnlyList<(long InterfaceId, string Ip)>? moved = null)
    {
        machine.Updated = time.GetUtcNow().UtcDateTime;
        await machines.SaveAsync(machine, ct);
        foreach ((long interfaceId, string ip) in released)
        {
            await networks.ReleaseForLinkAsync(interfaceId, ip, ct);
        }

        if (child is not null && moved is { Count: > 0 })
        {
            await AdoptedAddressesAsync(child, moved, ct);
        }

        version.Bump();
    }
}
