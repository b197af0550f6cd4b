namespace Ingot.Core.Regions;

/// <summary>
/// Which regions are running on the database: this process is <see cref="RegionId"/>, and a power claim
/// (<see cref="Machines.Machine.PowerClaimedBy"/>) made by a region that is no longer running is taken
/// over at once instead of when it runs out. On PostgreSQL a region is running while its connection
/// holds its advisory lock, so a region killed with SIGKILL stops counting the moment it dies.
/// </summary>
public interface IRegionLiveness
{
    /// <summary>This region, as recorded in the claims it makes.</summary>
    string RegionId { get; }

    /// <summary>The regions running now, this one included.</summary>
    Task<IReadOnlySet<string>> LiveRegionsAsync(CancellationToken ct);
}
