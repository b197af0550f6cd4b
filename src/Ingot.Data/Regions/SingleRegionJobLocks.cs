using Ingot.Core.Regions;

namespace Ingot.Data.Regions;

/// <summary>
/// <see cref="IRegionJobLocks"/> on SQLite, where one process owns the database: every lock is granted
/// unless this process is already running the job.
/// </summary>
public sealed class SingleRegionJobLocks : IRegionJobLocks
{
    private readonly Dictionary<RegionJob, SemaphoreSlim> _held = Enum.GetValues<RegionJob>().ToDictionary(j => j, _ => new SemaphoreSlim(1, 1));

    public Task<IAsyncDisposable?> TryTakeAsync(RegionJob job, CancellationToken ct)
    {
        SemaphoreSlim gate = _held[job];
        return Task.FromResult<IAsyncDisposable?>(gate.Wait(0, CancellationToken.None) ? new Held(gate) : null);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
