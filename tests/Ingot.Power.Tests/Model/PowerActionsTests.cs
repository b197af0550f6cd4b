using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Power.Tests.Model;

public sealed class PowerActionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PowerActions s_actions = new(TimeProvider.System, [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero]);

    private static PowerContext Context(IPowerDriver driver) => new("sys01", driver.Schema, new Dictionary<string, string>());

    [Fact]
    public async Task A_bmc_that_never_changes_state_gives_maas_message_after_the_policy()
    {
        var driver = new ScriptedDriver { State = PowerState.Off, IgnoreOn = true };
        PowerException error = await Assert.ThrowsAsync<PowerException>(() => s_actions.OnAsync(driver, Context(driver), Ct));
        Assert.Equal("Failed to power sys01. BMC never transitioned from off to on.", error.Message);
        Assert.Equal(3, driver.OnCalls);
    }

    [Fact]
    public async Task A_power_on_whose_machine_network_booted_since_is_not_sent_again_when_the_bmc_shows_it_off()
    {
        // The fast machine booted, finished (commissioned) and turned itself off before the query: the BMC shows
        // off, but the machine's boot says the power-on took effect. Sent again, it powered a READY machine on.
        var finished = new ScriptedDriver { State = PowerState.Off, IgnoreOn = true };
        await s_actions.OnAsync(finished, Context(finished), _ => Task.FromResult(finished.OnCalls > 0), Ct);
        Assert.Equal(["on"], finished.Calls);

        var cycled = new ScriptedDriver { State = PowerState.On, TurnsOffAfterOn = true };
        await s_actions.CycleAsync(cycled, Context(cycled), _ => Task.FromResult(cycled.OnCalls > 0), Ct);
        Assert.Equal(["off", "on"], cycled.Calls);

        // Without a boot the power-on is sent again, as MAAS's wait policy does, and fails when the BMC never shows on.
        var asked = 0;
        var dead = new ScriptedDriver { State = PowerState.Off, IgnoreOn = true };
        await Assert.ThrowsAsync<PowerException>(
            () => s_actions.OnAsync(dead, Context(dead), _ => Task.FromResult(++asked < 0), Ct));
        Assert.Equal((3, 3), (dead.OnCalls, asked));
    }

    [Fact]
    public async Task Transient_errors_are_retried_and_fatal_ones_are_not()
    {
        var flaky = new ScriptedDriver { State = PowerState.Off, Failures = new Queue<PowerException>([new(PowerErrorKind.Connection, "timeout")]) };
        await s_actions.OnAsync(flaky, Context(flaky), Ct);
        Assert.Equal((2, PowerState.On), (flaky.OnCalls, flaky.State));

        var refused = new ScriptedDriver { Failures = new Queue<PowerException>([new(PowerErrorKind.Auth, "no"), new(PowerErrorKind.Auth, "no")]) };
        await Assert.ThrowsAsync<PowerException>(() => s_actions.OnAsync(refused, Context(refused), Ct));
        Assert.Equal(1, refused.OnCalls);
    }

    [Fact]
    public async Task Cycle_powers_off_only_when_on()
    {
        var driver = new ScriptedDriver { State = PowerState.On };
        await s_actions.CycleAsync(driver, Context(driver), Ct);
        Assert.Equal(["off", "on"], driver.Calls);
        driver.Calls.Clear();
        driver.State = PowerState.Off;
        await s_actions.CycleAsync(driver, Context(driver), Ct);
        Assert.Equal(["on"], driver.Calls);
    }

    [Fact]
    public async Task Driver_calls_are_bounded_and_a_pause_holds_no_driver_slot()
    {
        var time = new FakeTimeProvider();
        var actions = new PowerActions(time, [TimeSpan.FromSeconds(1)], driverCalls: 2);
        var driver = new GatedDriver();
        Task[] ons = [.. Enumerable.Range(0, 10).Select(_ => actions.OnAsync(driver, Context(driver), Ct))];

        // Two power-ons reach the BMC; the other eight wait for a driver slot.
        await WaitUntilAsync(() => driver.Running == 2);
        Assert.Equal((2, 2), (driver.OnCalls, actions.DriverCallsRunning));

        // Once the BMC answers, every action gets its power-on through and is in MAAS's pause at the same
        // time: a pause gives its slot back (were it held, only two would have sent their power-on by now).
        driver.Gate.SetResult();
        await WaitUntilAsync(() => driver.OnCalls == 10 && driver.Running == 0);
        Assert.Equal((0, 0), (driver.Queries, actions.DriverCallsRunning));

        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(ons);
        Assert.Equal((10, 2), (driver.Queries, driver.MaxRunning));
    }

    [Fact]
    public void At_least_one_driver_call_must_be_allowed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerActions(TimeProvider.System, [TimeSpan.Zero], driverCalls: 0));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.True(condition());
    }

    /// <summary>A BMC whose power-ons wait at a gate; it counts the calls in progress and queries answer on.</summary>
    private sealed class GatedDriver : IPowerDriver
    {
        private int _running;
        private int _maxRunning;
        private int _onCalls;
        private int _queries;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Running => Volatile.Read(ref _running);

        public int MaxRunning => Volatile.Read(ref _maxRunning);

        public int OnCalls => Volatile.Read(ref _onCalls);

        public int Queries => Volatile.Read(ref _queries);

        public PowerTypeSchema Schema { get; } = new("gated", "Gated", []);

        public async Task PowerOnAsync(PowerContext context, CancellationToken ct)
        {
            Interlocked.Increment(ref _onCalls);
            int running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _maxRunning, running);
            try
            {
                await Gate.Task.WaitAsync(ct);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public Task PowerOffAsync(PowerContext context, StopMode mode, CancellationToken ct) => Task.CompletedTask;

        public Task<PowerState> QueryAsync(PowerContext context, CancellationToken ct)
        {
            Interlocked.Increment(ref _queries);
            return Task.FromResult(PowerState.On);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    private sealed class ScriptedDriver : IPowerDriver
    {
        public PowerState State { get; set; } = PowerState.Off;

        public bool IgnoreOn { get; init; }

        /// <summary>The machine powers on and turns itself off before anyone queries (it booted and finished).</summary>
        public bool TurnsOffAfterOn { get; init; }

        public Queue<PowerException> Failures { get; init; } = new();

        public int OnCalls { get; private set; }

        public List<string> Calls { get; } = [];

        public PowerTypeSchema Schema { get; } = new("scripted", "Scripted", []);

        public Task PowerOnAsync(PowerContext context, CancellationToken ct)
        {
            OnCalls++;
            Calls.Add("on");
            if (Failures.TryDequeue(out PowerException? failure))
            {
                throw failure;
            }

            State = IgnoreOn ? State : TurnsOffAfterOn ? PowerState.Off : PowerState.On;
            return Task.CompletedTask;
        }

        public Task PowerOffAsync(PowerContext context, StopMode mode, CancellationToken ct)
        {
            Calls.Add("off");
            State = PowerState.Off;
            return Task.CompletedTask;
        }

        public Task<PowerState> QueryAsync(PowerContext context, CancellationToken ct) => Task.FromResult(State);
    }
}
