using System.Threading.Channels;
using Ingot.Core.Boot;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// Group commit for the DHCP server's lease changes: changes queue here and one writer stores
/// everything queued since its last write in one <see cref="IDhcpLeaseStore.WriteAsync"/> call (one
/// transaction), then completes the task of every change in it. The server sends an ACK only when
/// its lease's task has completed, so an acknowledged lease is stored, as before, while many
/// clients' leases share one database round trip. A failed write fails every task of its batch.
/// The writes are claims (<see cref="IDhcpLeaseStore.ClaimAsync"/>): a change whose address the store
/// refused (another region's client holds it) completes with the lease that holds it, else with null.
/// </summary>
internal sealed class DhcpLeaseWriter : IDisposable
{
    /// <summary>At most this many queued changes go into one transaction.</summary>
    public const int MaximumBatch = 1024;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDhcpLeaseStore _store;
    private readonly Task _loop;

    public DhcpLeaseWriter(IDhcpLeaseStore store)
    {
        _store = store;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Queues <paramref name="writes"/>; the task completes once they are stored, with null, or with the lease
    /// of another client that holds an address they claimed.
    /// </summary>
    public Task<DhcpLease?> Enqueue(IReadOnlyList<DhcpLeaseWrite> writes)
    {
        var pending = new Pending(writes, new TaskCompletionSource<DhcpLease?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException<DhcpLease?>(new ObjectDisposedException(nameof(DhcpLeaseWriter)));
        }

        return pending.Stored.Task;
    }

    /// <summary>Stores what is queued, then stops the writer.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(30));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>();
        var writes = new List<DhcpLeaseWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            writes.Clear();
            while (writes.Count < MaximumBatch && _queue.Reader.TryRead(out Pending? pending))
            {
                batch.Add(pending);
                writes.AddRange(pending.Writes);
            }

            try
            {
                IReadOnlyList<DhcpLease> refused = await _store.ClaimAsync(writes, CancellationToken.None);
                batch.ForEach(p => p.Stored.TrySetResult(refused.Count == 0 ? null : HeldFrom(p.Writes, refused)));
            }
            catch (Exception e)
            {
                batch.ForEach(p => p.Stored.TrySetException(e));
            }
        }
    }

    /// <summary>The lease of another client on an address <paramref name="writes"/> claimed, if the store refused it.</summary>
    private static DhcpLease? HeldFrom(IReadOnlyList<DhcpLeaseWrite> writes, IReadOnlyList<DhcpLease> refused)
    {
        foreach (DhcpLeaseWrite write in writes)
        {
            if (write.Lease is { } claimed)
            {
                foreach (DhcpLease held in refused)
                {
                    if (held.Address.Equals(claimed.Address) && held.Mac != claimed.Mac)
                    {
                        return held;
                    }
                }
            }
        }

        return null;
    }

    private sealed record Pending(IReadOnlyList<DhcpLeaseWrite> Writes, TaskCompletionSource<DhcpLease?> Stored);
}
