using System.Net;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

/// <summary>
/// MAAS's <c>InterfaceHandler</c> link ops on machines: <c>link_subnet</c> (AUTO, DHCP, STATIC, LINK_UP),
/// <c>unlink_subnet</c> and <c>set_default_gateway</c>, and the machine's <c>clear_default_gateways</c>. A STATIC link claims its address in the network
/// model first (so two machines cannot take one address), then the machine is saved; a failed save
/// gives the address back. An AUTO link keeps no address until deployment allocates one.
/// Link ids are <c>interface id × 1000 + position</c> (from 1), as the machine JSON shows them.
/// </summary>
public sealed class InterfaceLinking(IMachineStore machines, NetworkOperations networks, NetworkModelVersion version, TimeProvider time)
{
    public static long LinkId(NetworkInterface nic, int index) => (nic.Id * 1000) + index + 1;

    public async Task<(Machine Machine, NetworkInterface Interface)> LinkSubnetAsync(
        Actor actor, string systemId, long interfaceId, NetworkForm form, CancellationToken ct)
    {
        (Machine machine, NetworkInterface nic) = await EditableAsync(actor, systemId, interfaceId, "link", ct);
        var errors = new FormErrors();
        (LinkMode? mode, Subnet? subnet, IPAddress? requested) = LinkRequest.Read(form, await networks.LoadAsync(ct), errors);
        if (mode == LinkMode.Dhcp && nic.Links.Any(l => l.Mode == LinkMode.Dhcp))
        {
            errors.Add("mode", "Interface already has a link in DHCP mode.");
        }

        if (subnet is not null && mode is LinkMode.Auto or LinkMode.Static && nic.Links.Any(l => l.Subnet == subnet.Cidr && l.Mode is LinkMode.Auto or LinkMode.Static))
        {
            errors.Add("subnet", $"Subnet {subnet.Name} is already linked to this interface.");
        }

        errors.ThrowIfAny();
        var link = new InterfaceLink { Mode = mode!.Value, Subnet = subnet?.Cidr };
        StaticIpAddress? claimed = null;
        if (mode == LinkMode.Static)
        {
            claimed = await networks.ClaimForLinkAsync(subnet!.Cidr, requested, nic.Id, actor.Username, await networks.LinkAddressesAsync(subnet.Cidr, ct), ct);
            link.IpAddress = claimed.Ip;
        }

        if (mode != LinkMode.LinkUp)
        {
            nic.Links.RemoveAll(l => l.Mode == LinkMode.LinkUp);
        }

        nic.Links.Add(link);
        if (form.Bool("default_gateway") == true && subnet?.GatewayIp is not null && mode is LinkMode.Auto or LinkMode.Static)
        {
            MarkGateway(machine, link, subnet.GatewayIp);
        }

        await SaveAsync(machine, claimed is null ? null : () => networks.ReleaseForLinkAsync(nic.Id, claimed.Ip!, CancellationToken.None), ct);
        return (machine, nic);
    }

    public async Task<(Machine Machine, NetworkInterface Interface)> UnlinkSubnetAsync(Actor actor, string systemId, long interfaceId, long? linkId, CancellationToken ct)
    {
        (Machine machine, NetworkInterface nic) = await EditableAsync(actor, systemId, interfaceId, "unlink", ct);
        int index = FindLink(nic, linkId);
        InterfaceLink link = nic.Links[index];
        nic.Links.RemoveAt(index);
        if (nic.Links.Count == 0)
        {
            nic.Links.Add(new InterfaceLink { Mode = LinkMode.LinkUp });
        }

        await SaveAsync(machine, null, ct);
        if (link.Mode == LinkMode.Static && link.IpAddress is { } ip)
        {
            await networks.ReleaseForLinkAsync(nic.Id, ip, ct);
        }

        return (machine, nic);
    }

    /// <summary>MAAS's <c>set_default_gateway</c>: the link (or the interface's only gatewayed AUTO/STATIC link) becomes the machine's default gateway.</summary>
    public async Task<(Machine Machine, NetworkInterface Interface)> SetDefaultGatewayAsync(Actor actor, string systemId, long interfaceId, long? linkId, CancellationToken ct)
    {
        (Machine machine, NetworkInterface nic) = await EditableAsync(actor, systemId, interfaceId, "link", ct);
        NetworkModel model = await networks.LoadAsync(ct);
        List<InterfaceLink> candidates = [.. nic.Links.Where(l => l.Mode is LinkMode.Auto or LinkMode.Static && l.Subnet is { } c && model.SubnetByCidr(c)?.GatewayIp is not null)];
        if (candidates.Count == 0)
        {
            throw FormErrors.OnField("__all__", "This interface has no usable gateways.");
        }

        InterfaceLink link;
        if (linkId is not null)
        {
            link = nic.Links[FindLink(nic, linkId)];
            if (!candidates.Contains(link))
            {
                throw FormErrors.OnField("link_id", NetworkErrors.InvalidChoice);
            }
        }
        else
        {
            link = candidates.Count == 1 ? candidates[0] : throw FormErrors.OnField("link_id", "This field is required; Interface has more than one usable IPv4 and IPv6 gateways.");
        }

        MarkGateway(machine, link, model.SubnetByCidr(link.Subnet!)!.GatewayIp!);
        await SaveAsync(machine, null, ct);
        return (machine, nic);
    }

    /// <summary>
    /// MAAS's <c>clear_default_gateways</c> (administrators, not on a locked machine): no link is the chosen
    /// default gateway any more, for either address family, so the machine's <c>default_gateways</c> fall
    /// back to the first linked subnet that has a gateway.
    /// </summary>
    public async Task<Machine> ClearDefaultGatewaysAsync(Actor actor, string systemId, CancellationToken ct)
    {
        Machine machine = await new MachineQueries(machines).GetAsync(systemId, actor, NodePermission.Admin, ct);
        foreach (InterfaceLink link in machine.Interfaces.SelectMany(i => i.Links))
        {
            link.IsDefaultGateway = false;
        }

        await SaveAsync(machine, null, ct);
        return machine;
    }

    private static void MarkGateway(Machine machine, InterfaceLink link, string gateway)
    {
        bool v6 = gateway.Contains(':', StringComparison.Ordinal);
        foreach (InterfaceLink other in machine.Interfaces.SelectMany(i => i.Links))
        {
            if (other.Subnet is { } cidr && cidr.Contains(':', StringComparison.Ordinal) == v6)
            {
                other.IsDefaultGateway = false;
            }
        }

        link.IsDefaultGateway = true;
    }

    private static int FindLink(NetworkInterface nic, long? linkId)
    {
        for (int i = 0; i < nic.Links.Count; i++)
        {
            if (LinkId(nic, i) == linkId)
            {
                return i;
            }
        }

        throw FormErrors.OnField("id", linkId is null ? FormErrors.Required : NetworkErrors.InvalidChoice);
    }

    private async Task<(Machine, NetworkInterface)> EditableAsync(Actor actor, string systemId, long interfaceId, string verb, CancellationToken ct)
    {
        Machine machine = await new MachineQueries(machines).GetAsync(systemId, actor, NodePermission.Edit, ct);
        NetworkInterface nic = machine.Interfaces.FirstOrDefault(i => i.Id == interfaceId) ?? throw NotFound.Of("Interface");
        if (InterfaceEditRules.Link(actor, machine, verb) is { } refusal)
        {
            throw refusal;
        }

        return (machine, nic);
    }

    private async Task SaveAsync(Machine machine, Func<Task>? undo, CancellationToken ct)
    {
        machine.Updated = time.GetUtcNow().UtcDateTime;
        try
        {
            await machines.SaveAsync(machine, ct);
        }
        catch when (undo is not null)
        {
            await undo();
            throw;
        }

        version.Bump();
    }
}
