using System.Data.Common;
using System.Net;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;
using Ingot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ingot.Data.Stores;

/// <summary><see cref="IDhcpLeaseStore"/> on EF Core: one row per leased address.</summary>
public sealed class DhcpLeaseStore(IDbContextFactory<IngotDbContext> contexts) : IDhcpLeaseStore
{
    private bool? _shared;

    /// <summary>PostgreSQL is the database several regions share; SQLite belongs to one process.</summary>
    public bool IsShared
    {
        get
        {
            if (_shared is null)
            {
                using IngotDbContext db = contexts.CreateDbContext();
                _shared = db.Database.IsNpgsql();
            }

            return _shared.Value;
        }
    }

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
    /// One transaction of prepared claims (<c>INSERT … ON CONFLICT (address) DO UPDATE … WHERE</c>, which SQLite
    /// and PostgreSQL both read) and deletes, past EF Core's change tracker: this is the DHCP server's
    /// hot path, and tracking entities cost several times the database's own work per lease.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct) => await ClaimAsync(writes, ct);

    /// <summary>
    /// The claim is a compare-and-set on the address's row: it is inserted, or updated only when it holds the
    /// same client's lease or a lease that ended by the claim's start (or the address is reserved for the
    /// client). Two regions claiming one address for two clients: the second waits for the first's row, then
    /// finds it held and is refused. On a shared store the claiming client's leases on other addresses go, so a
    /// client holds one address whichever region answered it. The writes run in address order, so that two
    /// regions' batches lock rows in the same order; a deadlock or serialisation failure runs the batch again
    /// (at most <see cref="MaximumAttempts"/> times).
    /// </summary>
    public async Task<IReadOnlyList<DhcpLease>> ClaimAsync(IReadOnlyList<DhcpLeaseWrite> writes, CancellationToken ct)
    {
        var last = new Dictionary<string, DhcpLeaseWrite>();
        foreach (DhcpLeaseWrite write in writes)
        {
            last[write.Address.ToString()] = write;
        }

        List<KeyValuePair<string, DhcpLeaseWrite>> ordered = [.. last];
        ordered.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await ClaimOnceAsync(ordered, ct);
            }
            catch (DbException e) when (attempt < MaximumAttempts && e.SqlState is "40P01" or "40001")
            {
                // Another region's batch locked the same rows the other way round: ours was rolled back.
            }
        }
    }

    public async Task<IReadOnlyList<DhcpLease>> ListSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        DateTime from = since.UtcDateTime;
        await using IngotDbContext db = contexts.CreateDbContext();
        List<DhcpLeaseRow> rows = await db.DhcpLeases.AsNoTracking().Where(l => l.Starts >= from).ToListAsync(ct);
        return rows.ConvertAll(r => new DhcpLease(
            r.Mac,
            IPAddress.Parse(r.Address),
            new DateTimeOffset(r.Starts, TimeSpan.Zero),
            new DateTimeOffset(r.Ends, TimeSpan.Zero),
            r.Hostname,
            r.ClientId));
    }

    /// <summary>How many times a batch runs when the database rolls it back for a deadlock.</summary>
    public const int MaximumAttempts = 5;

    private async Task<IReadOnlyList<DhcpLease>> ClaimOnceAsync(List<KeyValuePair<string, DhcpLeaseWrite>> writes, CancellationToken ct)
    {
        var refused = new List<DhcpLease>();
        await using IngotDbContext db = contexts.CreateDbContext();
        DbConnection connection = db.Database.GetDbConnection();
        // Begun through EF, so that on SQLite a busy database is waited for as every other writer waits (SqliteBusyBegin).
        await using IDbContextTransaction began = await db.Database.BeginTransactionAsync(ct);
        DbTransaction transaction = began.GetDbTransaction();
        await using DbCommand claim = Command(connection, transaction, Claim, "address", "mac", "starts", "ends", "hostname", "client_id");
        await using DbCommand upsert = Command(connection, transaction, Upsert, "address", "mac", "starts", "ends", "hostname", "client_id");
        await using DbCommand delete = Command(connection, transaction, Delete, "address");
        await using DbCommand deleteHeld = Command(connection, transaction, DeleteHeld, "address", "mac");
        await using DbCommand holder = Command(connection, transaction, Holder, "address");
        await using DbCommand moved = Command(connection, transaction, Moved, "address", "mac");
        foreach ((string address, DhcpLeaseWrite write) in writes)
        {
            if (write.Lease is not { } lease)
            {
                DbCommand remove = write.Holder is null ? delete : deleteHeld;
                remove.Parameters[0].Value = address;
                if (write.Holder is { } mac)
                {
                    remove.Parameters[1].Value = mac.ToString();
                }

                await remove.ExecuteNonQueryAsync(ct);
                continue;
            }

            DbCommand save = write.Reserved ? upsert : claim;
            save.Parameters[0].Value = address;
            save.Parameters[1].Value = lease.Mac.ToString();
            save.Parameters[2].Value = lease.Starts.UtcDateTime;
            save.Parameters[3].Value = lease.Ends.UtcDateTime;
            save.Parameters[4].Value = Truncate(lease.Hostname);
            save.Parameters[5].Value = Truncate(lease.ClientId);
            if (await save.ExecuteNonQueryAsync(ct) == 0)
            {
                holder.Parameters[0].Value = address;
                if (await HolderAsync(holder, ct) is { } held)
                {
                    refused.Add(held);
                }

                continue;
            }

            if (IsShared)
            {
                moved.Parameters[0].Value = address;
                moved.Parameters[1].Value = lease.Mac.ToString();
                await moved.ExecuteNonQueryAsync(ct);
            }
        }

        await began.CommitAsync(ct);
        return refused;
    }

    private static async Task<DhcpLease?> HolderAsync(DbCommand holder, CancellationToken ct)
    {
        await using DbDataReader reader = await holder.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new DhcpLease(
            MacAddress.Parse(reader.GetString(0)),
            IPAddress.Parse((string)holder.Parameters[0].Value!),
            Utc(reader.GetDateTime(1)),
            Utc(reader.GetDateTime(2)),
            reader.GetString(3),
            reader.GetString(4));
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private const string Columns = "INSERT INTO dhcp_leases (address, mac, starts, ends, hostname, client_id) VALUES (@address, @mac, @starts, @ends, @hostname, @client_id) "
        + "ON CONFLICT (address) DO UPDATE SET mac = excluded.mac, starts = excluded.starts, ends = excluded.ends, hostname = excluded.hostname, client_id = excluded.client_id";

    private const string Upsert = Columns;

    private const string Claim = Columns + " WHERE dhcp_leases.mac = excluded.mac OR dhcp_leases.ends <= excluded.starts";

    private const string DeleteHeld = "DELETE FROM dhcp_leases WHERE address = @address AND mac = @mac";

    private const string Holder = "SELECT mac, starts, ends, hostname, client_id FROM dhcp_leases WHERE address = @address";

    private const string Moved = "DELETE FROM dhcp_leases WHERE mac = @mac AND address <> @address";

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
