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
        await using SimulatedDataCentre dc = await DataCentreAsync(3, "small", 1, (2, FailureKind.NoLease));
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

    [Fact]
    public async Task The_live_screen_has_a_bar_per_phase_and_a_row_per_machine()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using SimulatedDataCentre dc = await DataCentreAsync(3, "mixed", 11, (3, FailureKind.Hang));
        var director = new DemoDirector(lab.Api, dc, deploy: 3);
        using var output = new StringWriter();

        new DemoProgress(output, headless: false).Show(await director.StepAsync(ct), director, TimeSpan.FromSeconds(75));

        string[] lines = output.ToString().Split('\n');
        Assert.Equal("\u001b[H\u001b[2JIngot demo: 3 simulated machines   1:15", lines[0]);
        Assert.Equal("Enlisted      [..............................]   0/3", lines[2]);
        Assert.Equal("Commissioned  [..............................]   0/3", lines[3]);
        Assert.Equal("Deployed      [..............................]   0/2", lines[4]); // the machine with a failure is not deployed
        Assert.Matches(@"^SIM\s+SYSTEM_ID\s+HOSTNAME\s+STATUS\s+POWER\s+TARGET\s+SIMULATED MACHINE$", lines[6]);
        Assert.Matches(@"^sim-011\s+-\s+-\s+-\s+-\s+Ready\s+off$", lines[7]);
        Assert.Matches(@"^sim-012\s+-\s+-\s+-\s+-\s+Ready\s+off$", lines[8]);
        Assert.Matches(@"^sim-013\s+-\s+-\s+-\s+-\s+\(hang\)\s+off$", lines[9]);
    }

    [Fact]
    public async Task The_director_deploys_the_healthy_machines_asked_for_and_a_machine_whose_installer_fails_so_that_it_shows()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using SimulatedDataCentre dc = await DataCentreAsync(3, "small", 21, (2, FailureKind.Installer));
        dc.PowerOnAll();
        var director = new DemoDirector(lab.Api, dc, deploy: 1);
        using var output = new StringWriter();

        int exit = await new DemoLoop(director, new DemoProgress(output, headless: true), output, TimeProvider.System)
            .RunAsync(exitWhenReady: true, TimeSpan.FromMinutes(3), () => "CREDENTIALS", ct);

        Assert.True(exit == IngotCommandLine.Ok, output.ToString());
        IReadOnlyList<(SimulatedMachine Sim, MachineView? View)> state = await director.StepAsync(ct);
        Assert.Equal(1, state.Count(s => s.View?.Status == "Deployed"));
        Assert.Equal(2, state.Count(s => s.Sim.Failure.Kind == FailureKind.None && s.View?.Status is "Deployed" or "Ready"));

        // The machine with the failing installer has no target, so the loop may end before it failed: the director
        // goes on stepping (deploying it once READY) until it is FAILED_DEPLOYMENT, bounded.
        long started = TimeProvider.System.GetTimestamp();
        while (state[1].View?.Status != "Failed deployment")
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(2), $"sim-022 is {state[1].View?.Status}; it says '{state[1].Sim.Activity}'");
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            state = await director.StepAsync(ct);
        }
    }

    [Fact]
    public async Task Headless_without_exit_when_ready_prints_the_credentials_once_and_runs_until_cancelled_with_0()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using SimulatedDataCentre dc = await DataCentreAsync(1, "small", 31, (1, FailureKind.NoLease));
        var director = new DemoDirector(lab.Api, dc, deploy: 0);
        using var output = new StringWriter();
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ctrlC.CancelAfter(TimeSpan.FromSeconds(4));

        // The only machine has a failure (no target) and nothing is to be deployed: ready at the first step; then the
        // loop goes on stepping each second until it is cancelled, as Ctrl-C does.
        int exit = await new DemoLoop(director, new DemoProgress(output, headless: true), output, TimeProvider.System)
            .RunAsync(exitWhenReady: false, TimeSpan.Zero, () => "CREDENTIALS", ctrlC.Token);

        Assert.Equal(IngotCommandLine.Ok, exit);
        string text = output.ToString();
        Assert.Equal(1, text.Split('\n').Count(l => l == "CREDENTIALS"));
        Assert.Contains("Ctrl-C stops both", text, StringComparison.Ordinal);
    }

    /// <summary>Simulated machines (not powered on) on the lab's network, numbered from <paramref name="first"/>, one with a failure.</summary>
    private Task<SimulatedDataCentre> DataCentreAsync(int machines, string profile, int first, (int Index, FailureKind Kind) failure) =>
        SimulatedDataCentre.StartAsync(
            new SimDataCentreOptions
            {
                Machines = machines,
                Profile = profile,
                FirstNumber = first,
                Failures = new Dictionary<int, MachineFailure> { [failure.Index] = new(failure.Kind) },
            },
            lab.Ingot.Network,
            TimeProvider.System,
            TestContext.Current.CancellationToken);
}
