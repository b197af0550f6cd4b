using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Domains;

/// <summary>
/// The <c>domains/</c> and <c>domains/{id}/</c> operations (<c>DomainsHandler</c>, <c>DomainHandler</c>).
/// The item is named by id or name. Anyone may read; only admins create, update and delete. The
/// default domain cannot be deleted or renamed; a domain with machines cannot be deleted.
/// </summary>
public sealed class DomainOperations(IDomainStore store, TimeProvider time)
{
    public Task<IReadOnlyList<Domain>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>The domain with this id (all digits) or else this name; 404 "No Domain matches the given query.".</summary>
    public async Task<Domain> GetAsync(string idOrName, CancellationToken ct)
    {
        Domain? domain = null;
        if (long.TryParse(idOrName, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            domain = await store.FindByIdAsync(id, ct);
        }

        return domain ?? await store.FindAsync(idOrName, ct) ?? throw NotFound.Of("Domain");
    }

    public async Task<Domain> CreateAsync(Actor actor, string? name, bool? authoritative, int? ttl, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        DomainForm.Check(name, ttl);
        DateTime now = time.GetUtcNow().UtcDateTime;
        var domain = new Domain { Name = name!, Authoritative = authoritative ?? true, Ttl = ttl, Created = now, Updated = now };
        await store.AddAsync(domain, ct);
        return domain;
    }

    /// <summary>
    /// Changes the given fields; a null argument leaves that field as it is, except that
    /// <paramref name="clearTtl"/> sets the TTL back to the global default.
    /// </summary>
    public async Task<Domain> UpdateAsync(
        Actor actor, string idOrName, string? newName, bool? authoritative, int? ttl, bool clearTtl, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Domain domain = await GetAsync(idOrName, ct);
        DomainForm.Check(newName ?? domain.Name, ttl);
        if (newName is not null && newName != domain.Name)
        {
            if (domain.IsDefault)
            {
                throw FormErrors.OnField("name", DomainForm.CannotRenameDefault);
            }

            domain.Name = newName;
        }

        domain.Authoritative = authoritative ?? domain.Authoritative;
        domain.Ttl = clearTtl ? null : ttl ?? domain.Ttl;
        domain.Updated = time.GetUtcNow().UtcDateTime;
        if (!await store.UpdateAsync(domain, ct))
        {
            throw NotFound.Of("Domain");
        }

        return domain;
    }

    public async Task DeleteAsync(Actor actor, string idOrName, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Domain domain = await GetAsync(idOrName, ct);
        if (domain.IsDefault)
        {
            throw MachineOperationException.Validation(DomainForm.CannotDeleteDefault);
        }

        switch (await store.DeleteAsync(domain.Id, ct))
        {
            case DomainDeletion.NotFound:
                throw NotFound.Of("Domain");
            case DomainDeletion.HasMachines:
                throw MachineOperationException.Validation(DomainForm.HasMachines(domain.Name));
        }
    }
}
