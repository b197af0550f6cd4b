using Ingot.Data.Tests.Infrastructure;

namespace Ingot.Data.Tests;

/// <summary>
/// The contract every <see cref="Core.Machines.IMachineStore"/> and <see cref="Core.Users.IUserStore"/>
/// on a real database keeps, run once per engine by a derived class (<see cref="SqliteStoreTests"/>,
/// <see cref="PostgresStoreTests"/>). Each derived class has a database of its own; tests in it use
/// fresh system ids, MACs and addresses so they do not see each other's machines.
/// </summary>
public abstract partial class StoreContract(TestDatabase database)
{
    protected TestDatabase Database { get; } = database;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
