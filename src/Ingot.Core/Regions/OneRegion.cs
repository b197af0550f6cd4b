using System.Globalization;
using System.Security.Cryptography;

namespace Ingot.Core.Regions;

/// <summary>
/// <see cref="IRegionLiveness"/> where one process owns the database (SQLite, and tests): only this
/// process runs, under a name new for each start, so a claim left by an earlier run of it (killed
/// before it recorded a result) belongs to a region that is gone.
/// </summary>
public sealed class OneRegion : IRegionLiveness
{
    private readonly IReadOnlySet<string> _live;

    public OneRegion()
    {
        RegionId = RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        _live = new HashSet<string>([RegionId]);
    }

    /// <summary>The one this process uses where no other is given (<see cref="Power.MachinePower"/>).</summary>
    public static OneRegion Shared { get; } = new();

    public string RegionId { get; }

    public Task<IReadOnlySet<string>> LiveRegionsAsync(CancellationToken ct) => Task.FromResult(_live);
}
