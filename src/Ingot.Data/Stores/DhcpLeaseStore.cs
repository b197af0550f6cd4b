using System.Net;
using Ingot.Core.Boot;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary><see cref="IDhcpLeaseStore"/> on EF Core: one row per leased address.</summary>
public sealed class DhcpLeaseStore(IDbContextFactory<IngotDbContext> contexts) : IDhcpLeaseStore
{
    public async Task<IReadOnlyList<DhcpLease>> ListAsync(CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        List<DhcpLeaseRow> rows = await db.DhcpLeases.AsNoTracking().OrderBy(l => l.Address).ToListAsync(ct);
        return rows.ConvertAll(r => new DhcpLease(
            r.Mac,
            IPAddress.Parse(r.Address),
            new DateTimeOffset(r.Starts, TimeSpan.Zero),
            new DateTimeOffset(r.Ends, TimeSpan.Zero),
            r.Hostname,
            r.ClientId));
    }

    public async Task SaveAsync(DhcpLease lease, CancellationToken ct)
    {
        string address = lease.Address.ToString();
        string hostname = Truncate(lease.Hostname);
        string clientId = Truncate(lease.ClientId);
        DateTime starts = lease.Starts.UtcDateTime;
        DateTime ends = lease.Ends.UtcDateTime;
        await using IngotDbContext db = contexts.CreateDbContext();
        int updated = await db.DhcpLeases.Where(l => l.Address == address).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.Mac, lease.Mac).SetProperty(l => l.Starts, starts).SetProperty(l => l.Ends, ends)
                .SetProperty(l => l.Hostname, hostname).SetProperty(l => l.ClientId, clientId),
            ct);
        if (updated > 0)
        {
            return;
        }

        db.DhcpLeases.Add(new DhcpLeaseRow { Address = address, Mac = lease.Mac, Starts = starts, Ends = ends, Hostname = hostname, ClientId = clientId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another writer stored the same address first: replace it, as for an update.
            await using IngotDbContext retry = contexts.CreateDbContext();
            await retry.DhcpLeases.Where(l => l.Address == address).ExecuteUpdateAsync(
                s => s.SetProperty(l => l.Mac, lease.Mac).SetProperty(l => l.Starts, starts).SetProperty(l => l.Ends, ends)
                    .SetProperty(l => l.Hostname, hostname).SetProperty(l => l.ClientId, clientId),
                ct);
        }
    }

    public async Task RemoveAsync(IPAddress address, CancellationToken ct)
    {
        string key = address.ToString();
        await using IngotDbContext db = contexts.CreateDbContext();
        await db.DhcpLeases.Where(l => l.Address == key).ExecuteDeleteAsync(ct);
    }

    public async Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct)
    {
        var last = new Dictionary<string, DhcpLease?>();
        foreach (DhcpLeaseWrite write in writes)
        {
            last[write.Address.ToString()] = write.Lease;
        }

        List<string> keys = [.. last.Keys];
        await using IngotDbContext db = contexts.CreateDbContext();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            Dictionary<string, DhcpLeaseRow> rows = await db.DhcpLeases.Where(l => keys.Contains(l.Address)).ToDictionaryAsync(l => l.Address, ct);
            foreach ((string address, DhcpLease? lease) in last)
            {
                rows.TryGetValue(address, out DhcpLeaseRow? row);
                if (lease is null)
                {
                    if (row is not null)
                    {
                        db.DhcpLeases.Remove(row);
                    }

                    continue;
                }

                if (row is null)
                {
                    row = new DhcpLeaseRow { Address = address };
                    db.DhcpLeases.Add(row);
                }

                row.Mac = lease.Mac;
                row.Starts = lease.Starts.UtcDateTime;
                row.Ends = lease.Ends.UtcDateTime;
                row.Hostname = Truncate(lease.Hostname);
                row.ClientId = Truncate(lease.ClientId);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(ct);
            }
        }

        // Another writer stored one of these addresses meanwhile: one write at a time, each replacing.
        foreach ((string address, DhcpLease? lease) in last)
        {
            await (lease is null ? RemoveAsync(IPAddress.Parse(address), ct) : SaveAsync(lease, ct));
        }
    }

    private static string Truncate(string text) => text.Length <= 255 ? text : text[..255];
}
