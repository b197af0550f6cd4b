using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Metadata;

/// <summary>
/// A machine driven through commissioning and testing by requests shaped exactly as
/// maas-run-remote-scripts sends them, and the failure branches of the signal table.
/// </summary>
public sealed class SignalFlowTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewMachineCommissionsTestsAndIsReadyWithItsResultsVisible()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin, commissioning: false);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);

        (await node.SignalAsync("COMMISSIONING")).EnsureSuccessStatusCode();
        Assert.Equal(MachineStatus.Commissioning, (await host.ReloadAsync(machine.SystemId)).Status);

        (JsonArray commissioning, Dictionary<string, string> files) = await node.ScriptsAsync("commissioning");
        Assert.Contains(commissioning, e => e!["name"]!.GetValue<string>() == "50-maas-01-commissioning");
        Assert.All(commissioning, e => Assert.True(files.ContainsKey(e!["path"]!.GetValue<string>())));
        await node.ReportAllAsync(commissioning, _ => 0);

        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();
        Assert.Equal(MachineStatus.Testing, (await host.ReloadAsync(machine.SystemId)).Status);

        (JsonArray testing, _) = await node.ScriptsAsync("testing");
        Assert.Contains(testing, e => e!["name"]!.GetValue<string>() == "smartctl-validate");
        await node.ReportAllAsync(testing, _ => 0);
        using HttpResponseMessage ok = await node.SignalAsync("OK", [("error", "All scripts successfully ran")]);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(MachineStatus.Ready, (await host.ReloadAsync(machine.SystemId)).Status);

        using HttpClient api = host.Client(admin.ApiKey);
        JsonArray sets = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/results/?include_output=1", Ct))!.AsArray();
        JsonNode commissioningSet = sets.Single(s => s!["type_name"]!.GetValue<string>() == "Commissioning")!;
        Assert.Equal("Passed", commissioningSet["status_name"]!.GetValue<string>());
        JsonNode lshw = commissioningSet["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "maas-lshw")!;
        Assert.Equal(0, lshw["exit_status"]!.GetValue<int>());
        Assert.Equal("stdout maas-lshw", Encoding.UTF8.GetString(Convert.FromBase64String(lshw["stdout"]!.GetValue<string>())));
        Assert.Equal("stderr maas-lshw", Encoding.UTF8.GetString(Convert.FromBase64String(lshw["stderr"]!.GetValue<string>())));
        Assert.Equal("combined maas-lshw", Encoding.UTF8.GetString(Convert.FromBase64String(lshw["output"]!.GetValue<string>())));
        Assert.Equal("results: {}\n", Encoding.UTF8.GetString(Convert.FromBase64String(lshw["result"]!.GetValue<string>())));

        JsonNode current = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/results/current-testing/", Ct))!;
        Assert.Equal("Testing", current["type_name"]!.GetValue<string>());
        Assert.All(current["results"]!.AsArray(), r => Assert.Equal("Passed", r!["status_name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CommissioningOutputBecomesTheMachinesHardwareAndItsLshwFeedsTags()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        string tag = $"vmx{Guid.NewGuid():N}"[..12];
        using (HttpResponseMessage created = await api.PostAsync("MAAS/api/2.0/tags/", new FormUrlEncodedContent([new("name", tag), new("definition", "//node[@id='cpu']//capability/@id = 'vmx'")]), Ct))
        {
            created.EnsureSuccessStatusCode();
        }

        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        byte[] lshw = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Inventory", "Fixtures", "lshw-supermicro.xml"));
        await node.ReportAllAsync(commissioning, _ => 0, stdout: name => name == "maas-lshw" ? lshw : null);
        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();

        Machine tested = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.Testing, tested.Status);
        JsonNode json = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{machine.SystemId}/", Ct))!;
        Assert.Equal((2, 2048L), (json["cpu_count"]!.GetValue<int>(), json["memory"]!.GetValue<long>()));
        Assert.Contains("52:54:00:ab:cd:ef", json["interface_set"]!.AsArray().Select(i => i!["mac_address"]!.GetValue<string>()));
        Assert.Contains("virtual", json["tag_names"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(tag, json["tag_names"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task MalformedCommissioningOutputFailsItsResultAndCommissioning()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        await node.ReportAllAsync(commissioning, _ => 0, stdout: name => name == "50-maas-01-commissioning" ? Encoding.UTF8.GetBytes("{not json") : null);

        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();

        Assert.Equal(MachineStatus.FailedCommissioning, (await host.ReloadAsync(machine.SystemId)).Status);
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode set = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/results/current-commissioning/", Ct))!;
        JsonNode resources = set["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "50-maas-01-commissioning")!;
        Assert.Equal("Failed", resources["status_name"]!.GetValue<string>());
        string events = await api.GetStringAsync($"MAAS/api/2.0/events/?op=query&id={machine.SystemId}&level=DEBUG", Ct);
        Assert.Contains("invalid JSON data", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedCommissioningScriptFailsCommissioningWhenTestingIsSignalled()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        await node.ReportAllAsync(commissioning, name => name == "maas-lshw" ? 1 : 0);

        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();

        Assert.Equal(MachineStatus.FailedCommissioning, (await host.ReloadAsync(machine.SystemId)).Status);
    }

    [Fact]
    public async Task ATimedOutScriptFailsCommissioningAndLeftoverScriptsAreAborted()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        await node.ReportAllAsync(new JsonArray(commissioning[0]!.DeepClone()), _ => -1);

        (await node.SignalAsync("OK")).EnsureSuccessStatusCode();

        Assert.Equal(MachineStatus.FailedCommissioning, (await host.ReloadAsync(machine.SystemId)).Status);
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode set = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/results/current-commissioning/", Ct))!;
        JsonArray results = set["results"]!.AsArray();
        Assert.Equal("Timed out", results[0]!["status_name"]!.GetValue<string>());
        Assert.All(results.Skip(1), r => Assert.Equal("Aborted", r!["status_name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task FailedDuringCommissioningStoresTheError()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);

        (await node.SignalAsync("FAILED", [("error", "Failed to run 1 commissioning script")])).EnsureSuccessStatusCode();

        Machine failed = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.FailedCommissioning, failed.Status);
        Assert.Equal("Failed to run 1 commissioning script", failed.Error);
    }

    [Fact]
    public async Task AFailedTestFailsTesting()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        await node.ReportAllAsync((await node.ScriptsAsync("commissioning")).Entries, _ => 0);
        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();
        await node.ReportAllAsync((await node.ScriptsAsync("testing")).Entries, _ => 1);

        (await node.SignalAsync("FAILED", [("error", "Failed testing")])).EnsureSuccessStatusCode();

        Assert.Equal(MachineStatus.FailedTesting, (await host.ReloadAsync(machine.SystemId)).Status);
    }

    [Fact]
    public async Task RefusedSignalsAnswerMaasErrorsAndChangeNothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);

        using HttpResponseMessage bogus = await node.SignalAsync("BOGUS");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Equal("Unknown status: 'BOGUS'", await bogus.Content.ReadAsStringAsync(Ct));

        using HttpResponseMessage badExit = await node.SignalAsync("WORKING", [("exit_status", "zero")]);
        Assert.Equal(HttpStatusCode.BadRequest, badExit.StatusCode);

        using HttpResponseMessage badPower = await node.SignalAsync("WORKING", [("power_type", "ipmi"), ("power_parameters", "{not json")]);
        Assert.Equal(HttpStatusCode.BadRequest, badPower.StatusCode);
        Assert.Equal(MachineStatus.Commissioning, (await host.ReloadAsync(machine.SystemId)).Status);
        Assert.Equal("manual", (await host.ReloadAsync(machine.SystemId)).PowerType);

        ApiUser owner = await host.CreateUserAsync();
        Machine allocated = await Machines.MachineSeeds.AllocatedAsync(host, owner);
        (RemoteScriptsClient allocatedNode, _) = await RemoteScriptsClient.FromPreseedAsync(host, allocated.SystemId);
        using HttpResponseMessage conflict = await allocatedNode.SignalAsync("OK");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Machine status isn't valid (status is Allocated)", await conflict.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task CommissioningStoresTheBmcTheMachineFound()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);

        (await node.SignalAsync("WORKING", [("power_type", "ipmi"), ("power_parameters", "{\"power_address\": \"10.0.0.9\", \"power_user\": \"maas\"}")])).EnsureSuccessStatusCode();

        Machine updated = await host.ReloadAsync(machine.SystemId);
        Assert.Equal("ipmi", updated.PowerType);
        Assert.Equal("10.0.0.9", updated.PowerParameters["power_address"]);
    }

    [Fact]
    public async Task AMachinesTokenActsOnThatMachineOnly()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine first = await host.MachineAsync(admin);
        Machine second = await host.MachineAsync(admin);
        (RemoteScriptsClient secondNode, _) = await RemoteScriptsClient.FromPreseedAsync(host, second.SystemId);

        (await secondNode.SignalAsync("FAILED")).EnsureSuccessStatusCode();

        Assert.Equal(MachineStatus.Commissioning, (await host.ReloadAsync(first.SystemId)).Status);
        Assert.Equal(MachineStatus.FailedCommissioning, (await host.ReloadAsync(second.SystemId)).Status);
    }
}
