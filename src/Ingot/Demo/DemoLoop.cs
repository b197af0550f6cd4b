using Ingot.Commands;
using Ingot.Sim.Machines;

namespace Ingot.Demo;

/// <summary>
/// The demo's clock: a director step and a redraw every second. With exit-when-ready it ends at
/// readiness (0) or at the deadline (1, naming the machines not at their target); otherwise it
/// prints the credentials once ready and runs until cancelled.
/// </summary>
public sealed class DemoLoop(DemoDirector director, DemoProgress progress, TextWriter stdout, TimeProvider time)
{
    public async Task<int> RunAsync(bool exitWhenReady, TimeSpan deadline, Func<string> credentials, CancellationToken ct)
    {
        long started = time.GetTimestamp();
        bool announced = false;
        IReadOnlyList<(SimulatedMachine Sim, MachineView? View)> state = [];
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            do
            {
                state = await director.StepAsync(ct);
                TimeSpan elapsed = time.GetElapsedTime(started);
                progress.Show(state, director, elapsed);
                if (director.IsReady(state) && !announced)
                {
                    announced = true;
                    await stdout.WriteLineAsync($"\nReady after {DemoProgress.Clock(elapsed)}: every machine reached its target.\n\n{credentials()}");
                    if (exitWhenReady)
                    {
                        return IngotCommandLine.Ok;
                    }

                    await stdout.WriteLineAsync("Ingot keeps running with its simulated machines; Ctrl-C stops both.");
                }

                if (announced && !exitWhenReady && progress.Redraws)
                {
                    // The redraw cleared the screen: the credentials go back under the table.
                    await stdout.WriteLineAsync($"\n{credentials()}");
                }

                if (exitWhenReady && elapsed > deadline)
                {
                    await stdout.WriteLineAsync($"\nNot ready after {DemoProgress.Clock(elapsed)}: {Missing(state)}");
                    return IngotCommandLine.Failure;
                }
            }
            while (await tick.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C.
        }

        return exitWhenReady ? IngotCommandLine.Failure : IngotCommandLine.Ok;
    }

    private string Missing(IReadOnlyList<(SimulatedMachine Sim, MachineView? View)> state) => string.Join(
        "; ",
        state.Where(s => director.Target(s.Sim, s.View) is { } target && s.View?.Status != target)
            .Select(s => $"{s.Sim.Hostname} ({s.View?.SystemId ?? "not enlisted"}) is {s.View?.Status ?? "unknown"}, not {director.Target(s.Sim, s.View)}" +
                (s.Sim.LastError is { } e ? $" [{e}]" : $" [{s.Sim.Activity}]")));
}
