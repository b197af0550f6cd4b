using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Ingot.Data.Sqlite;

/// <summary>
/// SQLite has one writer at a time, and a transaction (Microsoft.Data.Sqlite begins them
/// <c>IMMEDIATE</c>) takes the write lock when it begins. Waiting for that lock in SQLite's busy
/// handler sleeps on the calling thread for up to <see cref="SqliteConnectionPragmas.BusyTimeoutMilliseconds"/>:
/// under a storm (hundreds of webhook, signal, power and lease writes at once) that put ~100
/// thread-pool threads to sleep in <c>nanosleep</c>, and everything else the host does on the pool —
/// TFTP transfers, HTTP requests — waited behind them until clients gave up. Here the transactions of
/// one database queue for the lock asynchronously, in process, before they ask SQLite for it; a waiting
/// writer holds no thread. The gate is held from the start of a transaction to its commit, rollback or
/// failure (or the connection's closing, should none of those be seen). A transaction that waited
/// <see cref="MaximumWait"/> goes on without the gate, to SQLite's own busy handling as before, so the
/// gate can delay but never deadlock (e.g. code that nests two transactions).
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The gate lives as long as its IngotDatabase, which is not disposable; a SemaphoreSlim without AvailableWaitHandle holds no kernel object.")]
internal sealed class SqliteWriteGate
{
    public static readonly TimeSpan MaximumWait = TimeSpan.FromMilliseconds(SqliteConnectionPragmas.BusyTimeoutMilliseconds);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, byte> _holders = new();

    /// <summary>Transactions that went on without the gate after <see cref="MaximumWait"/>.</summary>
    public long Overdue => Interlocked.Read(ref _overdue);

    private long _overdue;

    public async ValueTask EnterAsync(Guid connection, CancellationToken ct)
    {
        if (_holders.ContainsKey(connection))
        {
            return;
        }

        if (await _gate.WaitAsync(MaximumWait, ct))
        {
            Hold(connection);
        }
        else
        {
            Interlocked.Increment(ref _overdue);
        }
    }

    public void Enter(Guid connection)
    {
        if (_holders.ContainsKey(connection))
        {
            return;
        }

        if (_gate.Wait(MaximumWait))
        {
            Hold(connection);
        }
        else
        {
            Interlocked.Increment(ref _overdue);
        }
    }

    /// <summary>Lets the next writer in, if this connection holds the gate (idempotent).</summary>
    public void Leave(Guid connection)
    {
        if (_holders.TryRemove(connection, out _))
        {
            _gate.Release();
        }
    }

    private void Hold(Guid connection)
    {
        if (!_holders.TryAdd(connection, 0))
        {
            _gate.Release();
        }
    }
}
