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

    private sealed class ScriptedDriver : IPowerDriver
    {
        public PowerState State { get; set; } = PowerState.Off;

        public bool IgnoreOn { get; init; }

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

            State = IgnoreOn ? State : PowerState.On;
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
