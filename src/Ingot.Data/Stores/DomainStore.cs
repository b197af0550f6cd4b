using Ingot.Core.Domains;
using Ingot.Core.Forms;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="IDomainStore"/> on EF Core. A rename moves the domain's machines in the same
/// transaction; a delete is one statement that deletes only a domain no machine is in.
/// </summary>
public sealed class DomainStore(IDbContextFactory<IngotDbContext> contexts) : IDomainStore
{
    public async Task<IReadOnlyList<Domain>> ListAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Domains.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
    }

    public async Task<Domain?> FindAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Domains.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name, ct);
    }

    public async Task<Domain?> FindByIdAsync(long id, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Domains.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Domains.AnyAsync(p => p.Name == name, ct);
    }

    public async Task<int> MachineCountAsync(string name, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.Machines.CountAsync(m => m.Domain == name, ct);
    }

    public async Task AddAsync(Domain domain, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        db.Domains.Add(domain);
        await UniqueNames.SaveAsync(contexts, db, d => d.Domains.AnyAsync(p => p.Name == domain.Name, ct), Taken, ct);
    }

    public async Task<bool> UpdateAsync(Domain domain, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Domain? row = await db.Domains.FirstOrDefaultAsync(p => p.Id == domain.Id, ct);
        if (row is null)
        {
            return false;
        }

        string oldName = row.Name;
        row.Name = domain.Name;
        row.Authoritative = domain.Authoritative;
        row.Ttl = domain.Ttl;
        row.Updated = domain.Updated;
        await UniqueNames.SaveAsync(contexts, db, d => d.Domains.AnyAsync(p => p.Name == domain.Name && p.Id != domain.Id, ct), Taken, ct);
        if (oldName != domain.Name)
        {
            await db.Machines.Where(m => m.Domain == oldName)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Domain, domain.Name).SetProperty(m => m.Version, m => m.Version + 1), ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<DomainDeletion> DeleteAsync(long id, CancellationToken ct)
    {
        if (id == Domain.DefaultId)
        {
            throw new InvalidOperationException(DomainForm.CannotDeleteDefault);
        }

        await using IngotDbContext db = contexts.CreateDbContext();
        int deleted = await db.Domains
            .Where(p => p.Id == id && !db.Machines.Any(m => m.Domain == p.Name))
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            return DomainDeletion.Deleted;
        }

        return await db.Domains.AnyAsync(p => p.Id == id, ct) ? DomainDeletion.HasMachines : DomainDeletion.NotFound;
    }

    private static Exception Taken() => FormErrors.OnField("name", DomainForm.NameTaken);
}
