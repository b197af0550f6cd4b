using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

public sealed partial class NetworkOperations
{
    /// <summary>The VLAN with this VID on the fabric, or 404 "No VLAN matches the given query.".</summary>
    public static Vlan VlanOf(NetworkModel model, string fabricSpecifier, string vid)
    {
        Fabric fabric = FabricOf(model, fabricSpecifier);
        return int.TryParse(vid, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            && model.Vlans.FirstOrDefault(v => v.FabricId == fabric.Id && v.Vid == number) is { } vlan
            ? vlan
            : throw NotFound.Of("VLAN");
    }

    /// <summary>The VLAN with this id, or 404.</summary>
    public static Vlan VlanOf(NetworkModel model, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && model.Vlan(number) is { } vlan
            ? vlan
            : throw NotFound.Of("VLAN");

    /// <summary>MAAS's <c>VLANForm</c> on create: <c>vid</c> is required.</summary>
    public Task<Vlan> CreateVlanAsync(Actor actor, string fabricSpecifier, NetworkForm form, IReadOnlySet<string> racks, CancellationToken ct) =>
        EditAsync(actor, model =>
        {
            Fabric fabric = FabricOf(model, fabricSpecifier);
            var vlan = new Vlan { FabricId = fabric.Id, Vid = -1, Created = Now, Updated = Now };
            if (!form.Has("vid") || string.IsNullOrEmpty(form.Get("vid")))
            {
                throw FormErrors.OnField("vid", FormErrors.Required);
            }

            VlanForm.Apply(model, vlan, form, racks);
            return (new NetworkChange(model.Version).Add(vlan), vlan);
        }, ct);

    /// <summary>MAAS's <c>VLANForm</c> on update, e.g. <c>dhcp_on=true primary_rack=&lt;rack&gt;</c>.</summary>
    public Task<Vlan> UpdateVlanAsync(Actor actor, Func<NetworkModel, Vlan> find, NetworkForm form, IReadOnlySet<string> racks, CancellationToken ct) =>
        EditAsync(actor, model =>
        {
            Vlan vlan = find(model);
            VlanForm.Apply(model, vlan, form, racks);
            vlan.Updated = Now;
            return (new NetworkChange(model.Version).Update(vlan), vlan);
        }, ct);

    /// <summary>Deletes a VLAN: not a fabric's default VLAN, nor one that still has subnets.</summary>
    public Task DeleteVlanAsync(Actor actor, Func<NetworkModel, Vlan> find, CancellationToken ct) => EditAsync(actor, model =>
    {
        Vlan vlan = find(model);
        if (model.IsDefaultVlan(vlan))
        {
            throw MachineOperationException.Validation(NetworkErrors.DefaultVlanNotDeletable);
        }

        List<string> cidrs = [.. model.SubnetsOn(vlan.Id).Select(s => s.Cidr)];
        if (cidrs.Count > 0)
        {
            throw MachineOperationException.Validation($"Can't delete VLAN; the following subnets are still present: {string.Join(", ", cidrs)}");
        }

        var change = new NetworkChange(model.Version);
        foreach (Vlan relaying in model.Vlans.Where(v => v.RelayVlanId == vlan.Id))
        {
            relaying.RelayVlanId = null;
            change.Update(relaying);
        }

        return (change.Remove(vlan), true);
    }, ct);
}
