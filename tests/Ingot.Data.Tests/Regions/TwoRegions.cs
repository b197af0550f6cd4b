using Ingot.Core.Power;
using Ingot.Data.Regions;
using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests.Regions;

/// <summary>
/// The setup every power-claim takeover test starts from: two regions on one PostgreSQL database, each with its own
/// stores (<see cref="A"/>, <see cref="B"/>) and its <see cref="PostgresRegionLiveness"/> (<see cref="RegionA"/>,
/// <see cref="RegionB"/>), one machine's BMC both reach (<see cref="Bmc"/>), and the test's clock. Made anew for each
/// test (a test stops region A); disposed in the reverse order of opening.
/// </summary>
internal sealed class TwoRegions : IAsyncDisposable
{
    private readonly TimeProvider _time;

    private TwoRegions(PostgresTestDatabase database, TimeProvider time)
    {
        _time = time;
        A = database.Open();
        B = database.Open();
        RegionA = new PostgresRegionLiveness(database.ConnectionString, time);
        RegionB = new PostgresRegionLiveness(database.ConnectionString, time);
    }

    public SimulatedBmc Bmc { get; } = new();

    public DataServices A { get; }

    public DataServices B { get; }

    public PostgresRegionLiveness RegionA { get; }

    public PostgresRegionLiveness RegionB { get; }

    /// <summary>The two regions on <paramref name="database"/> (the test is skipped when no PostgreSQL server is set).</summary>
    public static TwoRegions Open(PostgresTestDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.RequireAvailable();
        return new TwoRegions(database, time);
    }

    /// <summary>Region A's power layer, reaching the BMC through <paramref name="client"/>.</summary>
    public MachinePower PowerA(IPowerClient client) => new(A.Machines, client, _time, RegionA);

    /// <summary>Region B's power layer, reaching the BMC through <paramref name="client"/> (the plain client when null).</summary>
    public MachinePower PowerB(IPowerClient? client = null) => new(B.Machines, client ?? Bmc.Through(), _time, RegionB);

    public async ValueTask DisposeAsync()
    {
        await RegionB.DisposeAsync();
        await RegionA.DisposeAsync();
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
