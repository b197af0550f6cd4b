using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Regions;
using Ingot.Core.Users;
using Ingot.Data.Regions;
using Ingot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Tests.Hosting;

/// <summary>
/// The power executor over the real SQLite store: many more requests are under way at once than there
/// used to be slots (32) when the BMC calls only wait, each request is carried out once although it was
/// submitted twice (by the API and by the recovery pass), and the queue holds a machine once.
/// </summary>
public sealed class PowerExecutorServiceTests : IDisposable
{
    private const int Machines = 100;
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("ingot-power-executor-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task More_requests_than_the_old_32_slots_are_carried_out_at_once_and_each_once()
    {
        await using ServiceProvider provider = await OpenAsync();
        IMachineStore store = provider.GetRequiredService<IMachineStore>();
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        for (int i = 0; i < Machines; i++)
        {
            Machine machine = Machine.Create($"pe{i:D4}", $"pe-{i:D4}", now);
            machine.PowerType = "manual";
            Assert.True(machine.AcceptEnlistment(Actor.User("admin", isAdmin: true), now, LifecycleSettings.Default));
            await store.AddAsync(machine, Ct);
        }

        var queue = new PendingPowerRequests();
        var client = new GatedPowerClient();
        using var executor = new PowerExecutorService(
            queue, store, client, new SingleRegionJobLocks(), OneRegion.Shared, TimeProvider.System, NullLogger<PowerExecutorService>.Instance);
        await executor.StartAsync(Ct);
        for (int i = 0; i < Machines; i++)
        {
            queue.Submit($"pe{i:D4}");
        }

        // Every machine's power-on is under way at once (the client only waits), not 32 of them.
        await WaitUntilAsync(() => client.Running == Machines);
        client.Gate.SetResult();
        await WaitUntilAsync(() => client.Running == 0 && queue.Count == 0);
        for (int i = 0; i < 1500 && await RecordedOnAsync(store) < Machines; i++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(Machines, await RecordedOnAsync(store));
        await executor.StopAsync(Ct);

        Assert.Equal(Machines, client.MaxRunning);
        Assert.Equal(Machines, client.Performed.Count);
        Assert.All(client.Performed.Values, count => Assert.Equal(1, count));
    }

    /// <summary>
    /// A power-off requested while the machine's power-on is still under way (abort during commissioning) waits for it:
    /// carried out beside it, the power-on's retry saw "off" and sent "on" again.
    /// </summary>
    [Fact]
    public async Task A_machines_next_request_waits_for_the_one_under_way()
    {
        await using ServiceProvider provider = await OpenAsync();
        IMachineStore store = provider.GetRequiredService<IMachineStore>();
        Actor admin = Actor.User("admin", isAdmin: true);
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Machine added = Machine.Create("pe-turn", "pe-turn", now);
        added.PowerType = "manual";
        Assert.True(added.AcceptEnlistment(admin, now, LifecycleSettings.Default));
        await store.AddAsync(added, Ct);

        var queue = new PendingPowerRequests();
        var client = new GatedPowerClient();
        using var executor = new PowerExecutorService(
            queue, store, client, new SingleRegionJobLocks(), OneRegion.Shared, TimeProvider.System, NullLogger<PowerExecutorService>.Instance);
        await executor.StartAsync(Ct);
        queue.Submit("pe-turn");
        await WaitUntilAsync(() => client.Running == 1);

        Machine commissioning = (await store.FindAsync("pe-turn", Ct))!;
        commissioning.AbortOperation(admin, TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.Equal(PowerRequest.Off, commissioning.RequestedPower);
        await store.SaveAsync(commissioning, Ct);
        queue.Submit("pe-turn");
        await Task.Delay(500, Ct);
        Assert.Equal(1, client.Performed["pe-turn"]);

        client.Gate.SetResult();
        await WaitUntilAsync(() => client.Running == 0 && client.Performed["pe-turn"] == 2);
        await executor.StopAsync(Ct);
        Assert.Equal(1, client.MaxRunning);
    }

    [Fact]
    public async Task A_machine_is_queued_once_until_it_is_taken()
    {
        var queue = new PendingPowerRequests();
        queue.Submit("m1");
        queue.Submit("m1");
        queue.Submit("m2");
        Assert.Equal(2, queue.Count);

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using IAsyncEnumerator<string> taking = queue.TakeAllAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await taking.MoveNextAsync());
        Assert.Equal(("m1", 1), (taking.Current, queue.Count));

        // Taken: a request made meanwhile queues it again, behind m2.
        queue.Submit("m1");
        Assert.True(await taking.MoveNextAsync());
        Assert.True(await taking.MoveNextAsync());
        Assert.Equal(("m1", 0), (taking.Current, queue.Count));
        Assert.Throws<ArgumentNullException>(() => queue.Submit(null!));
    }

    public void Dispose() => _data.Delete(recursive: true);

    /// <summary>Ingot's services on a migrated SQLite file in this test's directory.</summary>
    private async Task<ServiceProvider> OpenAsync()
    {
        var location = new DataLocation(_data.FullName, $"Data Source={Path.Combine(_data.FullName, "ingot.db")}");
        ServiceProvider provider = IngotState.AddServices(new ServiceCollection().AddLogging(), location).BuildServiceProvider();
        await IngotState.MigrateAsync(provider, Ct);
        return provider;
    }

    private static async Task<int> RecordedOnAsync(IMachineStore store) =>
        (await store.ListAsync(new MachineQuery { PowerParameters = false, Hardware = false }, Ct))
            .Count(m => m.PowerState == PowerState.On && m.ClaimedPower == PowerRequest.None && m.RequestedPower == PowerRequest.None);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.True(condition());
    }

    /// <summary>A power client whose actions wait at a gate (a BMC pausing), counting those under way and each machine's actions.</summary>
    private sealed class GatedPowerClient : IPowerClient
    {
        private int _running;
        private int _maxRunning;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentDictionary<string, int> Performed { get; } = new(StringComparer.Ordinal);

        public int Running => Volatile.Read(ref _running);

        public int MaxRunning => Volatile.Read(ref _maxRunning);

        public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
        {
            Performed.AddOrUpdate(command.SystemId, 1, (_, n) => n + 1);
            int running = Interlocked.Increment(ref _running);
            int seen;
            while ((seen = Volatile.Read(ref _maxRunning)) < running && Interlocked.CompareExchange(ref _maxRunning, running, seen) != seen)
            {
            }

            try
            {
                await Gate.Task.WaitAsync(ct);
                return new PowerOutcome(PowerState.On);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => Task.FromResult(new PowerOutcome(PowerState.On));
    }
}
