using Ingot.Core.Machines;
using Ingot.Core.Users;
using Ingot.Data.Regions;
using Ingot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Tests.Hosting;

/// <summary>
/// The status monitor's service over the real SQLite store, when an expired machine is being saved by someone
/// else for longer than a few retries: here a save that waits for the database's write lock, which the test
/// holds from its own connection for <see cref="s_held"/>, as a starved process was seen to hold its first save.
/// The monitor keeps trying every second and fails the machine as soon as that save is through, not a whole
/// interval (60 s) later.
/// </summary>
public sealed class StatusMonitorServiceTests : IDisposable
{
    private static readonly TimeSpan s_held = TimeSpan.FromSeconds(8);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("ingot-status-monitor-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expired_machine_saved_by_someone_else_for_seconds_is_failed_once_that_save_is_through()
    {
        string database = Path.Combine(_data.FullName, "ingot.db");
        var location = new DataLocation(_data.FullName, $"Data Source={database}");
        await using ServiceProvider provider = IngotState.AddServices(new ServiceCollection().AddLogging(), location).BuildServiceProvider();
        await IngotState.MigrateAsync(provider, Ct);
        IMachineStore store = provider.GetRequiredService<IMachineStore>();
        DateTime twoHoursAgo = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2);
        Machine added = Machine.Create("exp002", "expired", twoHoursAgo);
        added.PowerType = "manual";
        added.StartCommissioning(Actor.User("admin", isAdmin: true), twoHoursAgo, LifecycleSettings.Default);
        await store.AddAsync(added, Ct);

        // Someone else's save of the machine, stuck behind the write lock the test takes first.
        await using var holder = new SqliteConnection($"Data Source={database}");
        await holder.OpenAsync(Ct);
        await using (SqliteCommand begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        Machine other = (await store.FindAsync("exp002", Ct))!;
        Task otherSave = store.SaveAsync(other, Ct);

        using var monitor = new StatusMonitorService(provider, new SingleRegionJobLocks(), TimeProvider.System, NullLogger<StatusMonitorService>.Instance);
        await monitor.StartAsync(Ct);
        await Task.Delay(s_held, Ct);
        Assert.Equal(MachineStatus.Commissioning, (await store.FindAsync("exp002", Ct))!.Status);
        Assert.False(otherSave.IsCompleted);

        await using (SqliteCommand rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        await otherSave;
        Machine? seen = null;
        for (int attempt = 0; attempt < 100 && seen?.Status != MachineStatus.FailedCommissioning; attempt++)
        {
            await Task.Delay(100, Ct);
            seen = await store.FindAsync("exp002", Ct);
        }

        await monitor.StopAsync(Ct);
        Assert.Equal(MachineStatus.FailedCommissioning, seen!.Status);
        Assert.Equal("Node operation 'Commissioning' timed out after 30 minutes.", seen.ErrorDescription);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
