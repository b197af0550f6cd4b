using System.Net;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <c>current_commissioning_result_id</c>, <c>current_testing_result_id</c>, <c>current_installation_result_id</c>
/// and <c>testing_status</c> in a machine read and in the list: the ids of the sets <c>results/current-*</c> shows
/// (this run's, else the newest), and MAAS's status of the latest result of each testing script, aborted ones left out;
/// the same per hardware type of the scripts (<c>cpu_test_status</c> … <c>other_test_status</c>, <c>interface_test_status</c>
/// as the network one).
/// </summary>
public sealed class MachineScriptSetsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_machine_without_script_sets_has_null_ids_and_no_testing_status()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        Machine machine = await host.ReadyAsync();

        foreach (JsonNode json in await ReadBothAsync(client, machine.SystemId))
        {
            Assert.Null(json["current_commissioning_result_id"]);
            Assert.Null(json["current_testing_result_id"]);
            Assert.Null(json["current_installation_result_id"]);
            Assert.Equal((-1, "Unknown"), ((int)json["testing_status"]!, (string?)json["testing_status_name"]));
            Assert.Equal((-1, "Unknown"), ((int)json["commissioning_status"]!, (string?)json["commissioning_status_name"]));
            Assert.Equal("-1 -1 -1 -1 -1 -1", Hardware(json));
            Assert.Equal("Unknown", (string?)json["cpu_test_status_name"]);
        }
    }

    [Fact]
    public async Task Commissioning_status_rolls_up_the_latest_result_of_each_commissioning_script_as_maas_does()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        Machine machine = await host.ReadyAsync();
        var results = host.Services.GetRequiredService<IScriptResultStore>();
        await AddAsync(results, machine, ScriptSetKind.Commissioning, ("maas-lshw", ScriptStatus.Failed), ("maas-list-modaliases", ScriptStatus.Passed));
        await AddAsync(results, machine, ScriptSetKind.Testing, ("memtester", ScriptStatus.Passed));

        // MAAS's get_status_from_qs over the latest commissioning results, not the machine's stored outcome (Ready).
        foreach (JsonNode json in await ReadBothAsync(client, machine.SystemId))
        {
            Assert.Equal((3, "Failed", 2), ((int)json["commissioning_status"]!, (string?)json["commissioning_status_name"], (int)json["testing_status"]!));
        }

        // The next run's results: lshw's latest passed, modaliases' is running; an aborted script is left out.
        await AddAsync(results, await Next(machine), ScriptSetKind.Commissioning, ("maas-lshw", ScriptStatus.Passed), ("maas-list-modaliases", ScriptStatus.Running), ("maas-serial-ports", ScriptStatus.Aborted));
        foreach (JsonNode json in await ReadBothAsync(client, machine.SystemId))
        {
            Assert.Equal((1, "Running"), ((int)json["commissioning_status"]!, (string?)json["commissioning_status_name"]));
        }
    }

    [Fact]
    public async Task The_ids_are_the_current_sets_and_testing_status_rolls_up_the_latest_result_of_each_testing_script()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        Machine machine = await host.ReadyAsync();
        var results = host.Services.GetRequiredService<IScriptResultStore>();
        ScriptSet commissioning = await AddAsync(results, machine, ScriptSetKind.Commissioning, ("maas-lshw", ScriptStatus.Passed));
        ScriptSet firstTests = await AddAsync(results, machine, ScriptSetKind.Testing, ("memtester", ScriptStatus.Failed), ("smartctl-validate", ScriptStatus.Passed), ("network-link-check", ScriptStatus.Degraded));
        ScriptSet installation = await AddAsync(results, machine, ScriptSetKind.Installation, ("/curtin-install.log", ScriptStatus.Passed));

        foreach (JsonNode json in await ReadBothAsync(client, machine.SystemId))
        {
            Assert.Equal(
                (commissioning.Id, firstTests.Id, installation.Id, 3, "Failed"),
                ((long)json["current_commissioning_result_id"]!, (long)json["current_testing_result_id"]!,
                    (long)json["current_installation_result_id"]!, (int)json["testing_status"]!, (string?)json["testing_status_name"]));
            // cpu, memory (memtester), storage (smartctl), network (network-link-check), other, interface (= network).
            Assert.Equal("-1 3 2 6 -1 6", Hardware(json));
            Assert.Equal(("Failed", "Degraded"), ((string?)json["memory_test_status_name"], (string?)json["interface_test_status_name"]));
        }

        // A test-only run: its testing set is current, commissioning's stays the earlier set. memtester's latest result
        // is aborted (left out, the earlier failure does not count), smartctl's is from the first set, fio is installing.
        machine = await host.ReloadAsync(machine.SystemId);
        machine.BeginScriptRun();
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, Ct);
        ScriptSet secondTests = await AddAsync(results, machine, ScriptSetKind.Testing, ("memtester", ScriptStatus.Aborted), ("fio", ScriptStatus.Installing));

        foreach (JsonNode json in await ReadBothAsync(client, machine.SystemId))
        {
            Assert.Equal(
                (commissioning.Id, secondTests.Id, 1, "Running"),
                ((long)json["current_commissioning_result_id"]!, (long)json["current_testing_result_id"]!, (int)json["testing_status"]!, (string?)json["testing_status_name"]));
            // memtester's latest is aborted: no memory status; fio is no script Ingot knows: in testing_status only.
            Assert.Equal("-1 -1 2 6 -1 6", Hardware(json));
        }

        Assert.Equal(secondTests.Id, await CurrentSetIdAsync(client, machine.SystemId, "current-testing"));
        Assert.Equal(commissioning.Id, await CurrentSetIdAsync(client, machine.SystemId, "current-commissioning"));

        // Every latest result aborted: no testing status.
        secondTests.Results.Single(r => r.Name == "fio").Status = ScriptStatus.Aborted;
        ScriptSet thirdTests = await AddAsync(results, await Next(machine), ScriptSetKind.Testing, ("smartctl-validate", ScriptStatus.Aborted), ("network-link-check", ScriptStatus.Aborted));
        await results.SaveSetAsync(secondTests, Ct);
        foreach (JsonNode json in await ReadBothAsync(client, machine.SystemId))
        {
            Assert.Equal((thirdTests.Id, -1, "Unknown"), ((long)json["current_testing_result_id"]!, (int)json["testing_status"]!, (string?)json["testing_status_name"]));
            Assert.Equal("-1 -1 -1 -1 -1 -1", Hardware(json));
        }
    }

    private static string Hardware(JsonNode json) => string.Join(' ', new[] { "cpu", "memory", "storage", "network", "other", "interface" }
        .Select(kind => (int)json[kind + "_test_status"]!));

    private async Task<Machine> Next(Machine machine)
    {
        Machine reloaded = await host.ReloadAsync(machine.SystemId);
        reloaded.BeginScriptRun();
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(reloaded, Ct);
        return reloaded;
    }

    internal static async Task<ScriptSet> AddAsync(IScriptResultStore results, Machine machine, ScriptSetKind kind, params (string Name, ScriptStatus Status)[] scripts)
    {
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = kind, Run = machine.ScriptRun, Created = Now };
        set.Results.AddRange(scripts.Select(s => new ScriptResult { Name = s.Name, Status = s.Status, Created = Now, Updated = Now }));
        return await results.AddSetAsync(set, Ct);
    }

    /// <summary>The machine as <c>GET machines/&lt;id&gt;/</c> and as the list show it.</summary>
    private static async Task<JsonNode[]> ReadBothAsync(HttpClient client, string systemId)
    {
        using var item = await client.GetPathAsync(MachineRequests.Item(systemId));
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        JsonNode one = JsonNode.Parse(await item.Content.ReadAsStringAsync(Ct))!;
        using var list = await client.GetPathAsync(MachineRequests.Machines);
        JsonNode listed = JsonNode.Parse(await list.Content.ReadAsStringAsync(Ct))!.AsArray().Single(m => (string?)m!["system_id"] == systemId)!;
        return [one, listed];
    }

    private static async Task<long> CurrentSetIdAsync(HttpClient client, string systemId, string which)
    {
        using var response = await client.GetPathAsync($"MAAS/api/2.0/nodes/{systemId}/results/{which}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["id"]!;
    }
}
