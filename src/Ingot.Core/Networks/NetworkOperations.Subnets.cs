using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

public sealed partial class NetworkOperations
{
    /// <summary>The subnet named by MAAS's specifiers (id, <c>name:</c>, <c>cidr:</c>, <c>ip:</c>, bare CIDR, name), or 404.</summary>
    public static Subnet SubnetOf(NetworkModel model, string specifier) => model.FindSubnet(specifier) ?? throw NotFound.Of("Subnet");

    /// <summary>
    /// MAAS's <c>SubnetForm</c> on create: without <c>vlan</c>, <c>fabric</c> or <c>vid</c> the subnet goes on
    /// the default fabric's untagged VLAN; the name defaults to the CIDR.
    /// </summary>
    public Task<Subnet> CreateSubnetAsync(Actor actor, NetworkForm form, CancellationToken ct) => EditAsync(actor, model =>
    {
        var subnet = new Subnet { Name = "", Cidr = "", Created = Now, Updated = Now };
        SubnetForm.Apply(model, subnet, form, creating: true);
        return (new NetworkChange(model.Version).Add(subnet), subnet);
    }, ct);

    public Task<Subnet> UpdateSubnetAsync(Actor actor, string specifier, NetworkForm form, CancellationToken ct) => EditAsync(actor, model =>
    {
        Subnet subnet = SubnetOf(model, specifier);
        SubnetForm.Apply(model, subnet, form, creating: false);
        subnet.Updated = Now;
        return (new NetworkChange(model.Version).Update(subnet), subnet);
    }, ct);

    /// <summary>Deletes a subnet with its IP ranges and allocated addresses; not while it serves DHCP.</summary>
    public Task DeleteSubnetAsync(Actor actor, string specifier, CancellationToken ct) => EditAsync(actor, model =>
    {
        Subnet subnet = SubnetOf(model, specifier);
        if (model.Vlan(subnet.VlanId) is { DhcpOn: true } && model.RangesOf(subnet.Id).Any(r => r.Type == IpRangeType.Dynamic))
        {
            throw MachineOperationException.Validation(NetworkErrors.SubnetServesDhcp);
        }

        var change = new NetworkChange(model.Version);
        foreach (IpRange range in model.RangesOf(subnet.Id))
        {
            change.Remove(range);
        }

        foreach (StaticIpAddress address in model.AddressesIn(subnet.Id))
        {
            change.Remove(address);
        }

        return (change.Remove(subnet), true);
    }, ct);

    /// <summary>IPAM of one subnet, counting the addresses machines' links hold.</summary>
    public async Task<SubnetUsage> UsageAsync(string specifier, CancellationToken ct)
    {
        NetworkModel model = await store.LoadAsync(ct);
        Subnet subnet = SubnetOf(model, specifier);
        return new SubnetUsage(model, subnet, await LinkAddressesAsync(subnet.Cidr, ct));
    }

    /// <summary>The addresses machines' interface links hold on the subnet with this CIDR.</summary>
    public async Task<IReadOnlyList<string>> LinkAddressesAsync(string cidr, CancellationToken ct)
    {
        IReadOnlyList<Machine> all = await machines.ListAsync(ct);
        return [.. all.SelectMany(m => m.Interfaces).SelectMany(i => i.Links)
            .Where(l => l.Subnet == cidr && !string.IsNullOrEmpty(l.IpAddress)).Select(l => l.IpAddress!)];
    }
}
