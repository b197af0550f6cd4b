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
/// submitted twice (by the API and by the recovery pass), the queue holds a machine once, and one machine's actions
/// run one at a time, a different request cancelling the one under way.
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
        using PowerExecutorService executor = await StartedAsync(queue, store, client);
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
    /// A power-off requested while the machine's power-on is still under way (abort during commissioning) supersedes it:
    /// the power-on is cancelled before the power-off is sent, never beside it (carried out beside it, the power-on's
    /// retry saw "off" and sent "on" again), and not after it has run its course (minutes against a dead BMC).
    /// </summary>
    [Fact]
    public async Task A_different_request_cancels_the_one_under_way_and_follows_it()
    {
        await using ServiceProvider provider = await OpenAsync();
        IMachineStore store = provider.GetRequiredService<IMachineStore>();
        Actor admin = Actor.User("admin", isAdmin: true);
        await AddCommissioningAsync(store, admin, "pe-turn");

        var queue = new PendingPowerRequests();
        var client = new GatedPowerClient();
        using PowerExecutorService executor = await StartedAsync(queue, store, client);
        queue.Submit("pe-turn");
        await WaitUntilAsync(() => client.Running == 1);

        Machine commissioning = (await store.FindAsync("pe-turn", Ct))!;
        commissioning.AbortOperation(admin, TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.Equal(PowerRequest.Off, commissioning.RequestedPower);
        await store.SaveAsync(commissioning, Ct);
        queue.Submit("pe-turn");

        // The gate stays shut: the power-on ends only by being cancelled, and the power-off is then sent (and waits).
        await WaitUntilAsync(() => client.Cancelled == 1 && client.Performed["pe-turn"] == 2 && client.Running == 1);
        Assert.Equal([PowerRequest.On, PowerRequest.Off], client.Requests);
        client.Gate.SetResult();
        await WaitUntilAsync(() => client.Running == 0);
        await WaitUntilStoredAsync(store, "pe-turn", m => m.ClaimedPower == PowerRequest.None && m.PowerState == PowerState.Off);
        await executor.StopAsync(Ct);
        Assert.Equal(1, client.MaxRunning);
    }

    /// <summary>
    /// The same machine submitted again while its action is under way with no new request (the recovery pass, a second
    /// submission by the API) waits for it and finds nothing to do: the action is neither cancelled nor sent twice.
    /// </summary>
    [Fact]
    public async Task A_machine_submitted_again_without_a_new_request_waits_and_cancels_nothing()
    {
        await using ServiceProvider provider = await OpenAsync();
        IMachineStore store = provider.GetRequiredService<IMachineStore>();
        await AddCommissioningAsync(store, Actor.User("admin", isAdmin: true), "pe-again");

        var queue = new PendingPowerRequests();
        var client = new GatedPowerClient();
        using PowerExecutorService executor = await StartedAsync(queue, store, client);
        queue.Submit("pe-again");
        await WaitUntilAsync(() => client.Running == 1);
        queue.Submit("pe-again");
        await WaitUntilAsync(() => queue.Count == 0);
        await Task.Delay(500, Ct);
        Assert.Equal((0, 1), (client.Cancelled, client.Performed["pe-again"]));

        client.Gate.SetResult();
        await WaitUntilStoredAsync(store, "pe-again", m => m.ClaimedPower == PowerRequest.None && m.PowerState == PowerState.On);
        await executor.StopAsync(Ct);
        Assert.Equal((0, 1), (client.Cancelled, client.Performed["pe-again"]));
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

    /// <summary>The executor over <paramref name="store"/> and <paramref name="client"/>, one region, started.</summary>
    private static async Task<PowerExecutorService> StartedAsync(PendingPowerRequests queue, IMachineStore store, IPowerClient client)
    {
        var executor = new PowerExecutorService(
            queue, store, client, new SingleRegionJobLocks(), OneRegion.Shared, TimeProvider.System, NullLogger<PowerExecutorService>.Instance);
        await executor.StartAsync(Ct);
        return executor;
    }

    /// <summary>Adds a machine accepted into COMMISSIONING (its power-on requested), with the manual power type.</summary>
    private static async Task AddCommissioningAsync(IMachineStore store, Actor admin, string systemId)
    {
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Machine added = Machine.Create(systemId, systemId, now);
        added.PowerType = "manual";
        Assert.True(added.AcceptEnlistment(admin, now, LifecycleSettings.Default));
        await store.AddAsync(added, Ct);
    }

    private static async Task WaitUntilStoredAsync(IMachineStore store, string systemId, Func<Machine, bool> condition)
    {
        for (int i = 0; i < 1500 && !condition((await store.FindAsync(systemId, Ct))!); i++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.True(condition((await store.FindAsync(systemId, Ct))!));
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

        private int _cancelled;

        public int MaxRunning => Volatile.Read(ref _maxRunning);

        /// <summary>How many actions ended by being cancelled.</summary>
        public int Cancelled => Volatile.Read(ref _cancelled);

        /// <summary>The requests sent, in order.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<PowerRequest> Requests { get; } = new();

        public async Task<PowerOutcome> PerformAsync(PowerCommand command, CancellationToken ct)
        {
            Performed.AddOrUpdate(command.SystemId, 1, (_, n) => n + 1);
            Requests.Enqueue(command.Request);
            int running = Interlocked.Increment(ref _running);
            int seen;
            while ((seen = Volatile.Read(ref _maxRunning)) < running && Interlocked.CompareExchange(ref _maxRunning, running, seen) != seen)
            {
            }

            try
            {
                await Gate.Task.WaitAsync(ct);
                return new PowerOutcome(command.Request == PowerRequest.On ? PowerState.On : PowerState.Off);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public Task<PowerOutcome> QueryAsync(PowerCommand command, CancellationToken ct) => Task.FromResult(new PowerOutcome(PowerState.On));
    }
}
