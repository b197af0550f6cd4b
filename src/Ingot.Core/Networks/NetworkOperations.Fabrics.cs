using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

public sealed partial class NetworkOperations
{
    /// <summary>The fabric named by <paramref name="specifier"/>, or 404 "No Fabric matches the given query.".</summary>
    public static Fabric FabricOf(NetworkModel model, string specifier) => model.FindFabric(specifier) ?? throw NotFound.Of("Fabric");

    /// <summary>MAAS's <c>FabricForm</c> on create: a new fabric with its untagged default VLAN (VID 0).</summary>
    public Task<Fabric> CreateFabricAsync(Actor actor, NetworkForm form, CancellationToken ct) => EditAsync(actor, model =>
    {
        var fabric = new Fabric { Created = Now, Updated = Now };
        ApplyFabricForm(model, fabric, form);
        var vlan = new Vlan { Vid = 0, Created = Now, Updated = Now };
        return (new NetworkChange(model.Version).Add(fabric).Add(vlan, () => vlan.FabricId = fabric.Id), fabric);
    }, ct);

    public Task<Fabric> UpdateFabricAsync(Actor actor, string specifier, NetworkForm form, CancellationToken ct) => EditAsync(actor, model =>
    {
        Fabric fabric = FabricOf(model, specifier);
        ApplyFabricForm(model, fabric, form);
        fabric.Updated = Now;
        return (new NetworkChange(model.Version).Update(fabric), fabric);
    }, ct);

    /// <summary>Deletes a fabric and its VLANs; not the default fabric, nor one with subnets.</summary>
    public Task DeleteFabricAsync(Actor actor, string specifier, CancellationToken ct) => EditAsync(actor, model =>
    {
        Fabric fabric = FabricOf(model, specifier);
        if (fabric.IsDefault)
        {
            throw MachineOperationException.Validation(NetworkErrors.DefaultFabricNotDeletable);
        }

        List<Vlan> vlans = [.. model.Vlans.Where(v => v.FabricId == fabric.Id)];
        List<string> cidrs = [.. vlans.SelectMany(v => model.SubnetsOn(v.Id)).Select(s => s.Cidr)];
        if (cidrs.Count > 0)
        {
            throw MachineOperationException.Validation($"Can't delete fabric; the following subnets are still present: {string.Join(", ", cidrs)}");
        }

        var change = new NetworkChange(model.Version);
        vlans.ForEach(v => change.Remove(v));
        return (change.Remove(fabric), true);
    }, ct);

    private static void ApplyFabricForm(NetworkModel model, Fabric fabric, NetworkForm form)
    {
        var errors = new FormErrors();
        if (form.Has("name"))
        {
            string? name = form.Get("name");
            if (string.IsNullOrEmpty(name))
            {
                fabric.Name = null;
            }
            else
            {
                errors.CheckName("name", name, ModelNames.MaxLength, ModelNames.Pattern());
                if (model.Fabrics.Any(f => f.Id != fabric.Id && f.DisplayName == name))
                {
                    errors.Add("name", FormErrors.AlreadyExists("Fabric"));
                }

                fabric.Name = name;
            }
        }

        errors.ThrowIfAny();
        fabric.Description = form.Get("description") ?? fabric.Description;
        if (form.Has("class_type"))
        {
            fabric.ClassType = form.Get("class_type") is { Length: > 0 } classType ? classType : null;
        }
    }
}
