using Ingot.Demo;
using Ingot.Sim.Machines;
using Ingot.Sim.Operator;

namespace Ingot.Tests.Regions;

/// <summary>
/// The operator of a data centre with several regions, through the REST API only: each call goes to
/// the next region in turn, and to another one when a region does not answer (it was killed). Accepts
/// every NEW machine, and allocates and deploys the machines <paramref name="deploys"/> picks once
/// they are READY. A refused call (a conflict while the machine is being written) is tried again on
/// the next step; the last refusal per machine is kept for the failure message.
/// </summary>
internal sealed class RegionOperator(IReadOnlyList<IngotApi> apis, SimulatedDataCentre dataCentre, Func<SimulatedMachine, bool> deploys)
{
    private readonly HashSet<string> _accepted = [];
    private readonly HashSet<string> _allocated = [];
    private readonly HashSet<string> _deployed = [];
    private readonly Dictionary<string, string> _refusals = [];
    private int _next;

    public string Target(SimulatedMachine sim) => deploys(sim) ? "Deployed" : "Ready";

    public string? RefusalFor(string systemId) => _refusals.GetValueOrDefault(systemId);

    /// <summary>Reads the machines list, acts on it, and returns each simulated machine with its view (null until it enlisted).</summary>
    public async Task<IReadOnlyList<(SimulatedMachine Sim, MachineView? View)>> StepAsync(CancellationToken ct)
    {
        List<MachineView> views = [.. (await CallAsync(api => api.GetAsync("machines/", ct)))!.AsArray().Select(m => MachineView.From(m!))];
        var state = dataCentre.Machines
            .Select(sim => (Sim: sim, View: views.FirstOrDefault(v => v.Macs.Contains(sim.Profile.BootMac, StringComparer.OrdinalIgnoreCase))))
            .ToList();
        foreach ((SimulatedMachine sim, MachineView? view) in state)
        {
            if (view is null)
            {
                continue;
            }

            string id = view.SystemId;
            if (view.Status == "New" && !_accepted.Contains(id))
            {
                await ActAsync(id, _accepted, api => api.PostAsync("machines/?op=accept", ct, ("machines", id)));
            }
            else if (view.Status == "Ready" && deploys(sim) && !_allocated.Contains(id))
            {
                await ActAsync(id, _allocated, api => api.PostAsync("machines/?op=allocate", ct, ("system_id", id)));
            }
            else if (view.Status == "Allocated" && deploys(sim) && !_deployed.Contains(id))
            {
                _allocated.Add(id);
                await ActAsync(id, _deployed, api => api.PostAsync($"machines/{id}/?op=deploy", ct));
            }
        }

        return state;
    }

    private async Task ActAsync(string systemId, HashSet<string> done, Func<IngotApi, Task> action)
    {
        try
        {
            await CallAsync(async api =>
            {
                await action(api);
                return 0;
            });
            done.Add(systemId);
            _refusals.Remove(systemId);
        }
        catch (IngotApiException e)
        {
            _refusals[systemId] = e.Message;
        }
    }

    /// <summary>The call on the next region in turn, or on the others when it does not answer.</summary>
    private async Task<T> CallAsync<T>(Func<IngotApi, Task<T>> call)
    {
        int first = _next++;
        for (int i = 0; ; i++)
        {
            IngotApi api = apis[(first + i) % apis.Count];
            try
            {
                return await call(api);
            }
            catch (HttpRequestException) when (i < apis.Count - 1)
            {
                // That region does not answer: the next one.
            }
        }
    }
}
