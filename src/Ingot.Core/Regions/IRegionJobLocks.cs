namespace Ingot.Core.Regions;

/// <summary>
/// Locks that make a <see cref="RegionJob"/> run in one region at a time. A lock is held by the
/// database for the region's connection, so a region that is killed lets go of it at once.
/// </summary>
public interface IRegionJobLocks
{
    /// <summary>Takes the job's lock without waiting; null when another region holds it. Dispose to let it go.</summary>
    Task<IAsyncDisposable?> TryTakeAsync(RegionJob job, CancellationToken ct);
}
