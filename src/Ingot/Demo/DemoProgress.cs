using System.Globalization;
using System.Text;
using Ingot.Sim.Machines;

namespace Ingot.Demo;

/// <summary>
/// What the demo shows: a progress bar per phase (enlisted, commissioned, deployed) and a table of
/// the machines with their status, power and what the simulated machine is doing — redrawn in place
/// on a terminal; headless, one line per status change instead.
/// </summary>
public sealed class DemoProgress(TextWriter output, bool headless)
{
    private static readonly HashSet<string> s_commissioned = new(StringComparer.Ordinal) { "Ready", "Allocated", "Deploying", "Deployed" };
    private readonly Dictionary<int, string> _last = [];

    /// <summary>Whether each step redraws the whole screen (a terminal), so that what follows it is printed again.</summary>
    public bool Redraws => !headless;

    public void Show(IReadOnlyList<(SimulatedMachine Sim, MachineView? View)> state, DemoDirector director, TimeSpan elapsed)
    {
        if (headless)
        {
            foreach ((SimulatedMachine sim, MachineView? view) in state)
            {
                string now = view?.Status ?? "not enlisted";
                if (!_last.TryGetValue(sim.Number, out string? before) || before != now)
                {
                    _last[sim.Number] = now;
                    if (view is not null)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Clock(elapsed)} {sim.Hostname} {view.SystemId} {view.Hostname}: {now}"));
                    }
                }
            }

            output.Flush();
            return;
        }

        int n = state.Count;
        var screen = new StringBuilder("\u001b[H\u001b[2J");
        screen.Append(CultureInfo.InvariantCulture, $"Ingot demo: {n} simulated machines   {Clock(elapsed)}\n\n");
        screen.Append(Bar("Enlisted", state.Count(s => s.View is not null), n));
        screen.Append(Bar("Commissioned", state.Count(s => s.View is { } v && s_commissioned.Contains(v.Status)), n));
        screen.Append(Bar("Deployed", state.Count(s => s.View?.Status == "Deployed"), director.DeployCount));
        screen.Append(CultureInfo.InvariantCulture, $"\n{"SIM",-8} {"SYSTEM_ID",-9} {"HOSTNAME",-22} {"STATUS",-22} {"POWER",-6} {"TARGET",-9} SIMULATED MACHINE\n");
        foreach ((SimulatedMachine sim, MachineView? view) in state)
        {
            string target = director.Target(sim, view) ?? $"({sim.Failure})";
            string activity = sim.Activity.Length > 48 ? sim.Activity[..47] + "…" : sim.Activity;
            screen.Append(CultureInfo.InvariantCulture, $"{sim.Hostname,-8} {view?.SystemId ?? "-",-9} {Cut(view?.Hostname ?? "-", 22),-22} {view?.Status ?? "-",-22} {view?.Power ?? "-",-6} {target,-9} {activity}\n");
        }

        output.Write(screen.ToString());
        output.Flush();
    }

    public static string Clock(TimeSpan elapsed) => elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static string Bar(string phase, int done, int total)
    {
        const int width = 30;
        int filled = total == 0 ? width : Math.Min(width, done * width / total);
        return string.Create(CultureInfo.InvariantCulture, $"{phase,-13} [{new string('#', filled)}{new string('.', width - filled)}] {done,3}/{total}\n");
    }

    private static string Cut(string text, int width) => text.Length > width ? text[..(width - 1)] + "…" : text;
}
