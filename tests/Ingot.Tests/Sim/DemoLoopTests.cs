using Ingot.Commands;
using Ingot.Demo;
using Ingot.Sim.Machines;

namespace Ingot.Tests.Sim;

/// <summary>
/// The demo's <c>--exit-when-ready</c> failure path against a real Ingot: machines that never reach their target by the
/// deadline make it exit 1 naming each of them with what it is doing, and machines with an injected failure (no target)
/// are not named. The machines here are never powered on, so none can get there.
/// </summary>
public sealed class DemoLoopTests(SimLabHost lab) : IClassFixture<SimLabHost>
{
    [Fact]
    public async Task Exit_when_ready_exits_1_naming_every_machine_not_at_its_target_at_the_deadline()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var options = new SimDataCentreOptions
        {
            Machines = 3,
            Profile = "small",
            FirstNumber = 1,
            Failures = new Dictionary<int, MachineFailure> { [2] = new(FailureKind.NoLease) },
        };
        await using SimulatedDataCentre dc = await SimulatedDataCentre.StartAsync(options, lab.Ingot.Network, TimeProvider.System, ct);
        var director = new DemoDirector(lab.Api, dc, deploy: 1);
        using var output = new StringWriter();

        int exit = await new DemoLoop(director, new DemoProgress(output, headless: true), output, TimeProvider.System)
            .RunAsync(exitWhenReady: true, TimeSpan.Zero, () => "CREDENTIALS", ct);

        Assert.Equal(IngotCommandLine.Failure, exit);
        string text = output.ToString();
        string missing = Assert.Single(text.Split('\n'), l => l.StartsWith("Not ready after ", StringComparison.Ordinal));
        Assert.Matches(@"^Not ready after \d+:\d\d: sim-001 \(not enlisted\) is unknown, not Ready \[off\]; sim-003 \(not enlisted\) is unknown, not Ready \[off\]$", missing);
        Assert.DoesNotContain("sim-002", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CREDENTIALS", text, StringComparison.Ordinal);
    }
}
