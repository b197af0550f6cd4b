using Ingot.Core.Regions;

namespace Ingot.Core.Tests.PowerControl;

/// <summary>
/// Several regions on one database as <see cref="IRegionLiveness"/> sees them: each region
/// (<see cref="Start"/>) is running until it is <see cref="Kill"/>ed, like a PostgreSQL region whose
/// advisory lock goes with its connection.
/// </summary>
internal sealed class SharedRegions
{
    private readonly HashSet<string> _running = [];

    public IRegionLiveness Start(string id)
    {
        _running.Add(id);
        return new Region(this, id);
    }

    public void Kill(IRegionLiveness region)
    {
        ArgumentNullException.ThrowIfNull(region);
        _running.Remove(region.RegionId);
    }

    private sealed class Region(SharedRegions regions, string id) : IRegionLiveness
    {
        public string RegionId => id;

        public Task<IReadOnlySet<string>> LiveRegionsAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(regions._running));
    }
}
