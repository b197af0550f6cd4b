using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// <c>op=rescue_mode</c> from every status: allowed exactly where <c>maas-transitions.json</c>'s table lets the
/// status reach ENTERING_RESCUE_MODE (MAAS checks nothing else: <c>update_status</c> validates), refused
/// elsewhere with MAAS's 409 text and nothing changed.
/// </summary>
public sealed class RescueModeSourcesTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly Lazy<JsonElement> s_transitions = new(LoadTransitions);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<MachineStatus> Statuses() => [.. MachineStatuses.All];

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Rescue_mode_is_allowed_from_the_statuses_maas_allows_and_refused_elsewhere_with_maas_text(MachineStatus status)
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync(m => WalkTo(m, status));
        Assert.Equal(status, machine.Status);
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        int eventsBefore = (await store.EventsAsync(machine.SystemId, Ct)).Count;

        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "rescue_mode");

        Machine after = await host.ReloadAsync(machine.SystemId);
        if (MaasAllowsRescueFrom(status))
        {
            Assert.Equal("Entering rescue mode", (await response.OkJsonAsync()).Str("status_name"));
            Assert.Equal((MachineStatus.EnteringRescueMode, admin.Username, PowerRequest.Cycle), (after.Status, after.Owner, after.RequestedPower));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal($"Invalid transition: {status.Label()} -> Entering rescue mode.", await response.TextAsync());
            Assert.Equal((status, machine.Owner, PowerRequest.None), (after.Status, after.Owner, after.RequestedPower));
            Assert.Equal(eventsBefore, (await store.EventsAsync(machine.SystemId, Ct)).Count);
        }
    }

    /// <summary>MAAS's <c>_validate_status_transition</c> over the reference table: the same status, or a listed target.</summary>
    private static bool MaasAllowsRescueFrom(MachineStatus status) =>
        status == MachineStatus.EnteringRescueMode
        || (s_transitions.Value.TryGetProperty(status.ConstantName(), out JsonElement targets)
            && targets.EnumerateArray().Any(t => t.GetString() == "ENTERING_RESCUE_MODE"));

    /// <summary>Moves a READY machine to <paramref name="target"/> by the shortest path the transition table allows.</summary>
    private static void WalkTo(Machine machine, MachineStatus target)
    {
        var cameFrom = new Dictionary<MachineStatus, MachineStatus> { [machine.Status] = machine.Status };
        var queue = new Queue<MachineStatus>([machine.Status]);
        while (queue.Count > 0 && !cameFrom.ContainsKey(target))
        {
            MachineStatus from = queue.Dequeue();
            foreach (MachineStatus to in NodeTransitions.Table.GetValueOrDefault(from, []).Where(to => cameFrom.TryAdd(to, from)))
            {
                queue.Enqueue(to);
            }
        }

        var path = new Stack<MachineStatus>();
        for (MachineStatus step = target; step != machine.Status; step = cameFrom[step])
        {
            path.Push(step);
        }

        foreach (MachineStatus step in path)
        {
            machine.TransitionTo(step, machine.Created);
        }
    }

    /// <summary><c>maas-transitions.json</c>'s "transitions", from <c>../shared/reference</c> beside the directory holding Ingot.slnx.</summary>
    private static JsonElement LoadTransitions()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingot.slnx")))
        {
            dir = dir.Parent;
        }

        string path = Path.Combine(dir?.Parent?.FullName ?? throw new InvalidOperationException("Ingot.slnx not found above the test binaries."), "shared", "reference", "maas-transitions.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("transitions").Clone();
    }
}
