using Ingot.Core.Forms;
using Ingot.Core.Users;

namespace Ingot.Core.Zones;

/// <summary>
/// The <c>zones/</c> and <c>zones/{name}/</c> operations (<c>ZonesHandler</c>, <c>ZoneHandler</c>):
/// anyone may read; only admins create, update and delete. The default zone cannot be deleted
/// (or renamed: machines default to it by name); deleting another zone moves its machines to the
/// default zone.
/// </summary>
public sealed class ZoneOperations(IZoneStore store, TimeProvider time)
{
    public Task<IReadOnlyList<Zone>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>The zone, or 404 "No Zone matches the given query.".</summary>
    public async Task<Zone> GetAsync(string name, CancellationToken ct) =>
        await store.FindAsync(name, ct) ?? throw NotFound.Of("Zone");

    public async Task<Zone> CreateAsync(Actor actor, string? name, string? description, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        ZoneForm.Check(name);
        DateTime now = time.GetUtcNow().UtcDateTime;
        var zone = new Zone { Name = name!, Description = description ?? "", Created = now, Updated = now };
        await store.AddAsync(zone, ct);
        return zone;
    }

    /// <summary>Changes the name and/or description; a null argument leaves that field as it is.</summary>
    public async Task<Zone> UpdateAsync(Actor actor, string name, string? newName, string? description, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Zone zone = await GetAsync(name, ct);
        if (newName is not null && newName != zone.Name)
        {
            ZoneForm.Check(newName);
            if (zone.IsDefault)
            {
                throw FormErrors.OnField("name", ZoneForm.CannotRenameDefault);
            }

            zone.Name = newName;
        }

        zone.Description = description ?? zone.Description;
        zone.Updated = time.GetUtcNow().UtcDateTime;
        if (!await store.UpdateAsync(name, zone, ct))
        {
            throw NotFound.Of("Zone");
        }

        return zone;
    }

    public async Task DeleteAsync(Actor actor, string name, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        if (name == Zone.DefaultName)
        {
            throw Machines.MachineOperationException.Validation(ZoneForm.CannotDeleteDefault);
        }

        if (!await store.DeleteAsync(name, ct))
        {
            throw NotFound.Of("Zone");
        }
    }
}
