using Ingot.Core.Machines;
using Ingot.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Ingot.Data.Tests;

/// <summary>
/// A save of a machine refused at once because a save of the same machine is under way in this process carries that
/// save's end, and <see cref="ConflictRetry"/> waits for it: a retried write (a signal, a webhook event) behind a save
/// that waits long for SQLite's write lock goes through. Before, each attempt was refused at once, the attempts ran out
/// in some ten seconds and the request was answered 409 — the one machine of the eighteenth session's 10,000 storm that
/// failed commissioning (its WORKING signal, behind the power executor's save).
/// </summary>
public sealed class SqliteSaveUnderWayTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    /// <summary>Longer than <see cref="ConflictRetry.Attempts"/> quick refusals take (about ten seconds).</summary>
    private static readonly TimeSpan s_hold = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retried_write_behind_a_save_of_the_same_machine_waiting_for_the_write_lock_waits_for_it_and_goes_through()
    {
        await using DataServices data = database.Open();
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Machine machine = TestMachines.Ready(now);
        await data.Machines.AddAsync(machine, Ct);
        Machine first = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        first.Tags.Add("first");

        await using var holder = new SqliteConnection($"Data Source={database.ConnectionString}");
        await holder.OpenAsync(Ct);
        await using SqliteTransaction held = holder.BeginTransaction();
        await using (SqliteCommand insert = holder.CreateCommand())
        {
            insert.CommandText = "INSERT INTO zones (name, description, created, updated) VALUES ('holder', '', '2026-01-01', '2026-01-01')";
            await insert.ExecuteNonQueryAsync(Ct);
        }

        Task firstSave = Task.Run(() => data.Machines.SaveAsync(first, Ct), Ct);
        MachineConflictException refused = await RefusedWhileUnderWayAsync(data, machine.SystemId);
        Assert.NotNull(refused.InFlight);
        Assert.False(refused.InFlight.IsCompleted);

        Task<long> retried = ConflictRetry.RunAsync(
            async c =>
            {
                Machine copy = (await data.Machines.FindAsync(machine.SystemId, c))!;
                copy.Tags.Add("second");
                await data.Machines.SaveAsync(copy, c);
                return copy.Version;
            },
            TimeProvider.System,
            Ct);
        await Task.Delay(s_hold, Ct);
        Assert.False(retried.IsCompleted, $"the retried write ended while the other save still waited for the lock: {retried.Exception?.InnerException?.Message}");

        await held.CommitAsync(Ct);
        await firstSave.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await retried.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Machine stored = (await data.Machines.FindAsync(machine.SystemId, Ct))!;
        Assert.Equal(["first", "second"], stored.Tags.Order(StringComparer.Ordinal));
        Assert.True(refused.InFlight.IsCompleted);
    }

    /// <summary>Another copy's save, refused at once (bounded: the first save may take a moment to claim the machine).</summary>
    private static async Task<MachineConflictException> RefusedWhileUnderWayAsync(DataServices data, string systemId)
    {
        await Task.Delay(200, Ct);
        for (int attempt = 0; attempt < 100; attempt++)
        {
            Machine other = (await data.Machines.FindAsync(systemId, Ct))!;
            other.Tags.Add("never");
            try
            {
                await data.Machines.SaveAsync(other, Ct).WaitAsync(TimeSpan.FromSeconds(2), Ct);
            }
            catch (MachineConflictException e) when (e.InFlight is not null)
            {
                return e;
            }
            catch (TimeoutException)
            {
                Assert.Fail("a save of the machine waited for the lock: the first save had not claimed the machine, so this one went to the database");
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("no save of the machine was refused for the one under way within 100 tries");
    }
}
