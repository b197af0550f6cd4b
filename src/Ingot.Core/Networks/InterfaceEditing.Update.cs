using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

/// <summary>
/// <c>update</c> (PUT) with each kind's fields (MAAS's <c>InterfaceForm.get_interface_form</c>): only the fields
/// sent change. On a DEPLOYED machine only the name, MAC and link facts (MAAS's <c>DeployedInterfaceForm</c>).
/// </summary>
public sealed partial class InterfaceEditing
{
    public async Task<(Machine Machine, NetworkInterface Interface)> UpdateAsync(Actor actor, string systemId, long interfaceId, NetworkForm form, CancellationToken ct)
    {
        Machine machine = await EditableAsync(actor, systemId, "update interface", deployedToo: true, ct);
        NetworkInterface nic = Find(machine, interfaceId);
        var errors = new FormErrors();
        bool physical = nic.Type == InterfaceType.Physical;
        string name = nic.Name;
        if (nic.Type != InterfaceType.Vlan && form.Get("name") is { } sentName)
        {
            name = sentName.Trim();
            InterfaceFields.CheckName("name", name, errors);
            CheckUnique(machine, name, nic, "name", errors);
        }

        MacAddress mac = nic.MacAddress;
        bool macSent = false;
        if (nic.Type != InterfaceType.Vlan && InterfaceFields.Mac(form, "mac_address", errors) is { } sentMac)
        {
            macSent = true;
            if (physical && sentMac != nic.MacAddress && await machines.FindByMacAsync(sentMac, ct) is { } holder)
            {
                errors.Add("mac_address", $"MAC address {sentMac} already in use on {holder.Hostname}.");
            }

            mac = sentMac;
        }

        bool? linkConnected = physical ? form.Bool("link_connected") : null;
        int? interfaceSpeed = physical ? InterfaceFields.Number(form, "interface_speed", errors, 0, null) : null;
        int? linkSpeed = physical ? InterfaceFields.Number(form, "link_speed", errors, 0, null) : null;
        if (linkConnected == false && !nic.LinkConnected && linkSpeed is > 0)
        {
            errors.Add("__all__", "link_speed cannot be set when link_connected is false.");
        }

        bool deployed = machine.Status == MachineStatus.Deployed;
        List<string> tags = !deployed && form.Has("tags") ? InterfaceFields.Tags(form) : nic.Tags;
        int? vid = nic.Vlan;
        InterfaceParams settings = nic.Params.Copy();
        List<NetworkInterface>? parents = null;
        if (!deployed)
        {
            NetworkModel model = await networks.LoadAsync(ct);
            (bool vlanSent, Vlan? vlan) = ReadVlan(form, model, errors);
            vid = vlanSent ? vlan?.Vid : nic.Vlan;
            InterfaceFields.ReadCommon(form, errors, settings);
            parents = ReadParents(machine, nic, form, errors);
            if (nic.Type == InterfaceType.Bond)
            {
                InterfaceFields.ReadBond(form, errors, settings, created: false);
            }
            else if (nic.Type == InterfaceType.Bridge)
            {
                InterfaceFields.ReadBridge(form, errors, settings, created: false);
            }
            else if (nic.Type == InterfaceType.Vlan && (vlanSent || parents is not null) && !errors.Has("parent"))
            {
                NetworkInterface? parent = parents?.FirstOrDefault() ?? machine.Interfaces.FirstOrDefault(i => nic.Parents.Contains(i.Name));
                CheckTagged(vlanSent ? vlan : model.Vlans.FirstOrDefault(v => v.Vid == vid && !model.IsDefaultVlan(v)), model, parent, errors);
                if (parent is not null && vid is int tagged && !errors.Has("vlan"))
                {
                    name = VlanName(parent, tagged);
                    CheckUnique(machine, name, nic, "name", errors);
                }
            }
        }

        errors.ThrowIfAny();
        if (parents is not null)
        {
            Reparent(machine, nic, parents, macSent, ref mac);
        }

        Rename(machine, nic, name);
        nic.MacAddress = mac;
        nic.Tags = tags;
        nic.Vlan = vid;
        nic.Params = settings;
        nic.Enabled = physical && form.Bool("enabled") is bool enabled ? enabled : nic.Enabled;
        nic.LinkConnected = linkConnected ?? nic.LinkConnected;
        nic.InterfaceSpeed = interfaceSpeed ?? nic.InterfaceSpeed;
        nic.LinkSpeed = linkSpeed ?? nic.LinkSpeed;
        List<(long, string)> released = nic.Type is InterfaceType.Bond or InterfaceType.Bridge
            ? ClearParents(nic, machine.Interfaces.Where(i => nic.Parents.Contains(i.Name)))
            : [];
        await SaveAsync(machine, released, ct);
        return (machine, nic);
    }

    /// <summary>The new parents when sent (null when not): a bond's <c>parents</c>, a bridge's or VLAN's <c>parent</c>; none for a physical interface.</summary>
    private static List<NetworkInterface>? ReadParents(Machine machine, NetworkInterface nic, NetworkForm form, FormErrors errors)
    {
        switch (nic.Type)
        {
            case InterfaceType.Bond when form.Has("parents"):
                List<NetworkInterface> parents = Parents(form, "parents", "parents", machine, errors);
                if (!errors.Has("parents") && parents.Count == 0)
                {
                    errors.Add("parents", "A bond interface must have one or more parents.");
                }

                CheckParentsFree(machine, parents, nic, vlanChildrenAllowed: false, "parents", errors);
                return parents;
            case InterfaceType.Bridge when form.Has("parent") || form.Has("parents"):
                return BridgeParent(machine, Parents(form, ParentKey(form), "parent", machine, errors), nic, errors) is { } bridged ? [bridged] : null;
            case InterfaceType.Vlan when form.Has("parent") || form.Has("parents"):
                return VlanParent(machine, Parents(form, ParentKey(form), "parent", machine, errors), errors) is { } tagged ? [tagged] : null;
            case InterfaceType.Physical when form.GetAll("parents").Any(p => p.Trim().Length > 0):
                errors.Add("parents", "A physical interface cannot have parents.");
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// New parents: those dropped keep at least a LINK_UP link; a MAC that came from a dropped parent becomes the
    /// first new parent's unless one was sent. The links of a bond's or bridge's parents are cleared by the caller
    /// after (MAAS's <c>_update_parents</c> on every save).
    /// </summary>
    private static void Reparent(Machine machine, NetworkInterface nic, List<NetworkInterface> parents, bool macSent, ref MacAddress mac)
    {
        List<NetworkInterface> current = [.. machine.Interfaces.Where(i => nic.Parents.Contains(i.Name))];
        List<NetworkInterface> dropped = [.. current.Where(p => !parents.Contains(p))];
        foreach (NetworkInterface parent in dropped)
        {
            EnsureLinkUp(parent);
        }

        MacAddress was = mac;
        if (!macSent && nic.Type != InterfaceType.Vlan && dropped.Any(p => p.MacAddress == was))
        {
            mac = parents[0].MacAddress;
        }
        else if (nic.Type == InterfaceType.Vlan)
        {
            mac = parents[0].MacAddress;
        }

        nic.Parents = [.. parents.Select(p => p.Name)];
    }

    /// <summary>A renamed interface stays its children's parent; its VLAN interfaces named after it follow the new name.</summary>
    private static void Rename(Machine machine, NetworkInterface nic, string name)
    {
        string old = nic.Name;
        if (old == name)
        {
            return;
        }

        foreach (NetworkInterface child in Children(machine, nic).ToList())
        {
            child.Parents = [.. child.Parents.Select(p => p == old ? name : p)];
            if (child.Type == InterfaceType.Vlan && child.Vlan is int vid && child.Name == $"{old}.{vid}")
            {
                child.Name = $"{name}.{vid}";
            }
        }

        nic.Name = name;
    }
}
