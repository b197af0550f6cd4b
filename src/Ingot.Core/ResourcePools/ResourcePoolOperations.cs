using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.ResourcePools;

/// <summary>
/// The <c>resourcepools/</c> and <c>resourcepool/{id}/</c> operations (<c>ResourcePoolsHandler</c>,
/// <c>ResourcePoolHandler</c>). The item is named by id or name, as MAAS's specifiers allow.
/// Anyone may read; only admins create, update and delete. The default pool and pools with
/// machines cannot be deleted.
/// </summary>
public sealed class ResourcePoolOperations(IResourcePoolStore store, TimeProvider time)
{
    public Task<IReadOnlyList<ResourcePool>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>The pool with this id (all digits) or else this name; 404 "No ResourcePool matches the given query.".</summary>
    public async Task<ResourcePool> GetAsync(string idOrName, CancellationToken ct)
    {
        ResourcePool? pool = null;
        if (long.TryParse(idOrName, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            pool = await store.FindByIdAsync(id, ct);
        }

        return pool ?? await store.FindAsync(idOrName, ct) ?? throw NotFound.Of("ResourcePool");
    }

    public async Task<ResourcePool> CreateAsync(Actor actor, string? name, string? description, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        ResourcePoolForm.Check(name);
        DateTime now = time.GetUtcNow().UtcDateTime;
        var pool = new ResourcePool { Name = name!, Description = description ?? "", Created = now, Updated = now };
        await store.AddAsync(pool, ct);
        return pool;
    }

    /// <summary>Changes the name and/or description; a null argument leaves that field as it is.</summary>
    public async Task<ResourcePool> UpdateAsync(Actor actor, string idOrName, string? newName, string? description, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        ResourcePool pool = await GetAsync(idOrName, ct);
        if (newName is not null && newName != pool.Name)
        {
            ResourcePoolForm.Check(newName);
            if (pool.IsDefault)
            {
                throw FormErrors.OnField("name", ResourcePoolForm.CannotRenameDefault);
            }

            pool.Name = newName;
        }

        pool.Description = description ?? pool.Description;
        pool.Updated = time.GetUtcNow().UtcDateTime;
        if (!await store.UpdateAsync(pool, ct))
        {
            throw NotFound.Of("ResourcePool");
        }

        return pool;
    }

    public async Task DeleteAsync(Actor actor, string idOrName, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        ResourcePool pool = await GetAsync(idOrName, ct);
        if (pool.IsDefault)
        {
            throw MachineOperationException.Validation(ResourcePoolForm.CannotDeleteDefault);
        }

        switch (await store.DeleteAsync(pool.Id, ct))
        {
            case PoolDeletion.NotFound:
                throw NotFound.Of("ResourcePool");
            case PoolDeletion.HasMachines:
                throw MachineOperationException.Validation(ResourcePoolForm.HasMachines);
        }
    }
}
