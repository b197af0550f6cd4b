using Ingot.Core.Forms;
using Ingot.Core.Users;

namespace Ingot.Core.Networks;

public sealed partial class NetworkOperations
{
    public static Space SpaceOf(NetworkModel model, string specifier) => model.FindSpace(specifier) ?? throw NotFound.Of("Space");

    public Task<Space> CreateSpaceAsync(Actor actor, NetworkForm form, CancellationToken ct) => EditAsync(actor, model =>
    {
        var space = new Space { Created = Now, Updated = Now };
        ApplySpaceForm(model, space, form);
        return (new NetworkChange(model.Version).Add(space), space);
    }, ct);

    public Task<Space> UpdateSpaceAsync(Actor actor, string specifier, NetworkForm form, CancellationToken ct) => EditAsync(actor, model =>
    {
        Space space = SpaceOf(model, specifier);
        ApplySpaceForm(model, space, form);
        space.Updated = Now;
        return (new NetworkChange(model.Version).Update(space), space);
    }, ct);

    /// <summary>Deletes a space; its VLANs (and so their subnets) go back to no space.</summary>
    public Task DeleteSpaceAsync(Actor actor, string specifier, CancellationToken ct) => EditAsync(actor, model =>
    {
        Space space = SpaceOf(model, specifier);
        var change = new NetworkChange(model.Version);
        foreach (Vlan vlan in model.Vlans.Where(v => v.SpaceId == space.Id))
        {
            vlan.SpaceId = null;
            change.Update(vlan);
        }

        return (change.Remove(space), true);
    }, ct);

    private static void ApplySpaceForm(NetworkModel model, Space space, NetworkForm form)
    {
        var errors = new FormErrors();
        if (form.Get("name") is { Length: > 0 } name)
        {
            errors.CheckName("name", name, ModelNames.MaxLength, ModelNames.Pattern());
            if (name == Space.Undefined)
            {
                errors.Add("name", "Reserved space name.");
            }

            if (model.Spaces.Any(s => s.Id != space.Id && s.DisplayName == name))
            {
                errors.Add("name", FormErrors.AlreadyExists("Space"));
            }

            space.Name = name;
        }

        errors.ThrowIfAny();
        space.Description = form.Get("description") ?? space.Description;
    }
}
