using System.Threading.Channels;
using Ingot.Core.Machines;

namespace Ingot.Core.Power;

/// <summary>
/// MAAS's power refresh after transitions: a saved machine whose status change is in
/// <see cref="PowerQueryTransitions"/> is queried <see cref="PowerQueryTransitions.Delay"/> later
/// (<see cref="Note"/> after the save, <see cref="RunAsync"/> in the background), at most a given number
/// at a time. In memory, as MAAS's post-commit timer is: a restart drops the ones not yet due, and the
/// 5-minute poll covers them.
/// </summary>
public sealed class PowerRequeries(TimeProvider time)
{
    private readonly Channel<(string SystemId, DateTimeOffset Due)> _due =
        Channel.CreateUnbounded<(string, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Called after a successful save: schedules a query when the machine's status change calls for one.</summary>
    public void Note(Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (machine.TakePowerQueryDue() && machine.IsPowerQueryable)
        {
            _due.Writer.TryWrite((machine.SystemId, time.GetUtcNow() + PowerQueryTransitions.Delay));
        }
    }

    /// <summary>
    /// Queries each noted machine when it is due (all share one delay, so they come due in order),
    /// <paramref name="parallelism"/> at a time; a failed query is reported to <paramref name="failed"/> and the loop goes on.
    /// </summary>
    public async Task RunAsync(MachinePower power, IMachineStore store, int parallelism, Action<string, Exception> failed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(power);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(failed);
        using var gate = new SemaphoreSlim(parallelism);
        var running = new List<Task>();
        try
        {
            await foreach ((string systemId, DateTimeOffset due) in _due.Reader.ReadAllAsync(ct))
            {
                TimeSpan wait = due - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct);
                }

                await gate.WaitAsync(ct);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(QueryAsync(systemId));
            }
        }
        finally
        {
            await Task.WhenAll(running);
        }

        async Task QueryAsync(string systemId)
        {
            try
            {
                if (await store.FindAsync(systemId, ct) is { IsPowerQueryable: true } machine)
                {
                    await power.QueryAsync(machine, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                failed(systemId, e);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
