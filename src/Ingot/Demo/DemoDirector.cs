using Ingot.Sim.Machines;
using Ingot.Sim.Operator;

namespace Ingot.Demo;

/// <summary>
/// The operator in the demo, through the REST API only: accepts every NEW machine (→ commissioning,
/// Ingot powers it on through its BMC) and allocates and deploys the first <c>deploy</c> machines
/// without an injected failure that become READY, and every machine whose injected failure is its
/// installer's (so that it shows). Each step reads the machines list once and says where every
/// simulated machine is.
/// </summary>
public sealed class DemoDirector(IngotApi api, SimulatedDataCentre dataCentre, int deploy)
{
    private readonly HashSet<string> _accepted = [];
    private readonly HashSet<string> _deploying = [];
    private readonly HashSet<string> _failingInstalls = [];

    public int DeployCount => Math.Min(deploy, dataCentre.Machines.Count(m => m.Failure.Kind == FailureKind.None));

    /// <summary>Acts on what the list shows; returns each simulated machine with its Ingot view (null until it enlisted).</summary>
    public async Task<IReadOnlyList<(SimulatedMachine Sim, MachineView? View)>> StepAsync(CancellationToken ct)
    {
        List<MachineView> views = [.. (await api.GetAsync("machines/", ct))!.AsArray().Select(m => MachineView.From(m!))];
        foreach (MachineView view in views)
        {
            if (view.Status == "New" && _accepted.Add(view.SystemId))
            {
                await api.PostAsync("machines/?op=accept", ct, ("machines", view.SystemId));
            }
            else if (view.Status == "Ready" && ChosenToDeploy(view))
            {
                await api.PostAsync("machines/?op=allocate", ct, ("system_id", view.SystemId));
                await api.PostAsync($"machines/{view.SystemId}/?op=deploy", ct);
            }
        }

        return [.. dataCentre.Machines.Select(sim => (sim, views.FirstOrDefault(v => Is(sim, v))))];
    }

    private bool ChosenToDeploy(MachineView view) =>
        dataCentre.Machines.FirstOrDefault(sim => Is(sim, view))?.Failure.Kind switch
        {
            FailureKind.None => _deploying.Count < DeployCount && _deploying.Add(view.SystemId),
            FailureKind.Installer => _failingInstalls.Add(view.SystemId),
            _ => false,
        };

    private static bool Is(SimulatedMachine sim, MachineView view) => view.Macs.Contains(sim.Profile.BootMac, StringComparer.OrdinalIgnoreCase);

    /// <summary>Where a machine should end: Deployed for the ones chosen, else Ready; null for machines with an injected failure.</summary>
    public string? Target(SimulatedMachine sim, MachineView? view) =>
        sim.Failure.Kind != FailureKind.None ? null
        : view is not null && _deploying.Contains(view.SystemId) ? "Deployed"
        : "Ready";

    /// <summary>Every machine without a failure is at its target, and the deployments are done.</summary>
    public bool IsReady(IReadOnlyList<(SimulatedMachine Sim, MachineView? View)> state) =>
        _deploying.Count == DeployCount &&
        state.All(s => Target(s.Sim, s.View) is not { } target || s.View?.Status == target);
}
