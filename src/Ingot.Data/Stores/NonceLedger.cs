using System.Threading.Channels;
using Ingot.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// <see cref="INonceLedger"/> on the database: one insert that does nothing when the unique index
/// on (consumer key, token key, nonce) already holds the nonce, so of two regions recording the
/// same nonce at once exactly one sees true. Nonces that arrive together are written together (group
/// commit): one transaction holds the inserts of every request waiting when it begins, each insert's own
/// count answers its request, and a request is answered only once that transaction committed. Every signed
/// request records a nonce; with a transaction each, a storm's nonces queued for SQLite's single write lock
/// beside the writes that change machines (a third of the waiters in the 10,000-machine storm's stacks).
/// </summary>
public sealed class NonceLedger(IDbContextFactory<IngotDbContext> contexts) : INonceLedger
{
    /// <summary>The most nonces one transaction writes; the rest wait for the next.</summary>
    public const int MostPerTransaction = 500;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _writing;
    private int _transactions;

    /// <summary>How many transactions wrote nonces (one per group).</summary>
    public int Transactions => Volatile.Read(ref _transactions);

    public Task<bool> TryRecordAsync(string consumerKey, string tokenKey, string nonce, DateTime timestamp, CancellationToken ct)
    {
        DateTime utc = timestamp.Kind == DateTimeKind.Utc ? timestamp : DateTime.SpecifyKind(timestamp.ToUniversalTime(), DateTimeKind.Utc);
        var pending = new Pending(consumerKey, tokenKey, nonce, utc);
        _pending.Writer.TryWrite(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        return pending.Recorded.Task.WaitAsync(ct);
    }

    public async Task<int> PruneAsync(DateTime olderThan, CancellationToken ct)
    {
        await using IngotDbContext db = contexts.CreateDbContext();
        return await db.OAuthNonces.Where(n => n.Timestamp < olderThan).ExecuteDeleteAsync(ct);
    }

    /// <summary>Writes groups until none is waiting; one writer at a time.</summary>
    private async Task WriteAllAsync()
    {
        while (true)
        {
            var group = new List<Pending>();
            while (group.Count < MostPerTransaction && _pending.Reader.TryRead(out Pending? next))
            {
                group.Add(next);
            }

            if (group.Count > 0)
            {
                await WriteAsync(group);
                continue;
            }

            Volatile.Write(ref _writing, 0);
            if (!_pending.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One transaction for the group. A request that stopped waiting still has its nonce written: the nonce was
    /// offered, and a replay of it must still be refused.
    /// </summary>
    private async Task WriteAsync(List<Pending> group)
    {
        try
        {
            var recorded = new bool[group.Count];
            await using (IngotDbContext db = contexts.CreateDbContext())
            {
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                for (int i = 0; i < group.Count; i++)
                {
                    Pending p = group[i];
                    recorded[i] = await db.Database.ExecuteSqlAsync(
                        $"""
                        INSERT INTO "oauth_nonces" ("consumer_key", "token_key", "nonce", "timestamp")
                        VALUES ({p.ConsumerKey}, {p.TokenKey}, {p.Nonce}, {p.Timestamp})
                        ON CONFLICT ("consumer_key", "token_key", "nonce") DO NOTHING
                        """,
                        CancellationToken.None) == 1;
                }

                await transaction.CommitAsync(CancellationToken.None);
            }

            Interlocked.Increment(ref _transactions);
            for (int i = 0; i < group.Count; i++)
            {
                group[i].Recorded.TrySetResult(recorded[i]);
            }
        }
#pragma warning disable CA1031 // Every failure is handed to the waiting requests, which fail as they would have alone.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (Pending p in group)
            {
                p.Recorded.TrySetException(e);
            }
        }
    }

    private sealed record Pending(string ConsumerKey, string TokenKey, string Nonce, DateTime Timestamp)
    {
        public TaskCompletionSource<bool> Recorded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
