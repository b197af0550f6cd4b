using System.Data.Common;
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

    /// <summary>
    /// One transaction of prepared upserts (<c>INSERT … ON CONFLICT (address) DO UPDATE</c>, which SQLite
    /// and PostgreSQL both read) and deletes, past EF Core's change tracker: this is the DHCP server's
    /// hot path, and tracking entities cost several times the database's own work per lease.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct)
    {
        var last = new Dictionary<string, DhcpLease?>();
        foreach (DhcpLeaseWrite write in writes)
        {
            last[write.Address.ToString()] = write.Lease;
        }

        await using IngotDbContext db = contexts.CreateDbContext();
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using DbTransaction transaction = await connection.BeginTransactionAsync(ct);
        await using DbCommand upsert = Command(connection, transaction, Upsert, "address", "mac", "starts", "ends", "hostname", "client_id");
        await using DbCommand delete = Command(connection, transaction, Delete, "address");
        foreach ((string address, DhcpLease? lease) in last)
        {
            if (lease is null)
            {
                delete.Parameters[0].Value = address;
                await delete.ExecuteNonQueryAsync(ct);
                continue;
            }

            upsert.Parameters[0].Value = address;
            upsert.Parameters[1].Value = lease.Mac.ToString();
            upsert.Parameters[2].Value = lease.Starts.UtcDateTime;
            upsert.Parameters[3].Value = lease.Ends.UtcDateTime;
            upsert.Parameters[4].Value = Truncate(lease.Hostname);
            upsert.Parameters[5].Value = Truncate(lease.ClientId);
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private const string Upsert =
        "INSERT INTO dhcp_leases (address, mac, starts, ends, hostname, client_id) VALUES (@address, @mac, @starts, @ends, @hostname, @client_id) "
        + "ON CONFLICT (address) DO UPDATE SET mac = excluded.mac, starts = excluded.starts, ends = excluded.ends, hostname = excluded.hostname, client_id = excluded.client_id";

    private const string Delete = "DELETE FROM dhcp_leases WHERE address = @address";

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string text, params string[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (string name in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string Truncate(string text) => text.Length <= 255 ? text : text[..255];
}
