using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Scripts;

/// <summary>
/// User scripts in <c>maas-scripts</c> next to the built-ins, chosen by <c>commission</c>'s
/// <c>commissioning_scripts</c> / <c>testing_scripts</c> / <c>skip_bmc_config</c> and rendered with
/// their parameters. Every script made here is tagged <c>noauto</c> or testing-only, so that the
/// default selection of the other tests in this class stays as each test expects.
/// </summary>
public sealed class ScriptSelectionTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Header(string name, string type, string extra) => $"""
        #!/bin/sh
        # --- Start MAAS 1.0 script metadata ---
        # name: {name}
        # script_type: {type}
        {extra}
        # --- End MAAS 1.0 script metadata ---
        echo {name}
        """;

    private static async Task AddScriptAsync(HttpClient admin, string text)
    {
        using var response = await admin.PostAsync("MAAS/api/2.0/scripts/", MaasMultipart.Build([("script", Encoding.UTF8.GetBytes(text), "script")]), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] pairs) =>
        new(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    private async Task<(RemoteScriptsClient Node, Machine Machine)> CommissionAsync(HttpClient admin, ApiUser user, Action<Machine>? configure, params (string Key, string Value)[] options)
    {
        Machine machine = await host.MachineAsync(user, commissioning: false);
        if (configure is not null)
        {
            configure(machine);
            await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, Ct);
        }

        using var commissioned = await admin.PostAsync($"MAAS/api/2.0/machines/{machine.SystemId}/?op=commission", Form(options), Ct);
        Assert.Equal(HttpStatusCode.OK, commissioned.StatusCode);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        return (node, machine);
    }

    private static string[] Names(JsonArray entries) => [.. entries.Select(e => e!["name"]!.GetValue<string>())];

    [Fact]
    public async Task Chosen_user_scripts_are_served_with_their_bodies_and_rendered_parameters_next_to_the_built_ins()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        using HttpClient admin = host.Client(user.ApiKey);
        await AddScriptAsync(admin, Header("site-inventory", "commissioning", "# tags: [noauto, site]\n# timeout: 120\n# parameters: {runtime: {type: runtime}, mirror: {type: url, default: 'http://mirror/'}}"));
        await AddScriptAsync(admin, Header("site-burnin", "testing", "# tags: [site-tests]\n# hardware_type: cpu\n# parameters: {runtime: {type: runtime, default: 30}}"));

        (RemoteScriptsClient node, Machine machine) = await CommissionAsync(admin, user, null,
            ("commissioning_scripts", "site"), ("testing_scripts", "site-tests,smartctl-validate"), ("site-inventory_mirror", "http://local/"));

        (JsonArray commissioning, Dictionary<string, string> files) = await node.ScriptsAsync("commissioning");
        Assert.Contains("50-maas-01-commissioning", Names(commissioning));
        JsonNode inventory = commissioning.Single(e => e!["name"]!.GetValue<string>() == "site-inventory")!;
        Assert.Equal("commissioning/site-inventory", inventory["path"]!.GetValue<string>());
        Assert.Contains("echo site-inventory", files["commissioning/site-inventory"], StringComparison.Ordinal);
        Assert.Equal(120, inventory["timeout_seconds"]!.GetValue<int>());
        Assert.Equal(120, inventory["parameters"]!["runtime"]!["value"]!.GetValue<int>());
        Assert.Equal("http://local/", inventory["parameters"]!["mirror"]!["value"]!.GetValue<string>());
        Assert.False(inventory["default"]!.GetValue<bool>());
        Assert.True(inventory["script_result_id"]!.GetValue<long>() > 0);

        await node.ReportAllAsync(commissioning, _ => 0);
        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();
        (JsonArray testing, _) = await node.ScriptsAsync("testing");
        Assert.Equal(["site-burnin", "smartctl-validate"], Names(testing).Order(StringComparer.Ordinal));
        JsonNode burnin = testing.Single(e => e!["name"]!.GetValue<string>() == "site-burnin")!;
        Assert.Equal(30, burnin["timeout_seconds"]!.GetValue<int>());
        Assert.Equal(1, burnin["hardware_type"]!.GetValue<int>());
        Assert.Equal(MachineStatus.Testing, (await host.ReloadAsync(machine.SystemId)).Status);
    }

    [Fact]
    public async Task Unchosen_noauto_scripts_stay_out_testing_none_serves_nothing_and_skip_bmc_config_skips_bmc_detection()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        using HttpClient admin = host.Client(user.ApiKey);
        await AddScriptAsync(admin, Header("never-auto", "commissioning", "# tags: [noauto]"));

        (RemoteScriptsClient node, Machine machine) = await CommissionAsync(admin, user, null, ("testing_scripts", "none"), ("skip_bmc_config", "true"));
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        Assert.DoesNotContain("never-auto", Names(commissioning));
        JsonNode bmc = commissioning.Single(e => e!["name"]!.GetValue<string>() == "30-maas-01-bmc-config")!;
        Assert.True(bmc["has_finished"]!.GetValue<bool>());

        JsonNode results = JsonNode.Parse(await admin.GetStringAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/results/current-commissioning/?include_output=1", Ct))!;
        JsonNode bmcResult = results["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "30-maas-01-bmc-config")!;
        Assert.Equal("Skipped", bmcResult["status_name"]!.GetValue<string>());
        Assert.Contains("has choosen to skip BMC configuration", Encoding.UTF8.GetString(Convert.FromBase64String(bmcResult["stdout"]!.GetValue<string>())), StringComparison.Ordinal);

        await node.ReportAllAsync(new JsonArray([.. commissioning.Where(e => !e!["has_finished"]!.GetValue<bool>()).Select(e => e!.DeepClone())]), _ => 0);
        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();
        using HttpResponseMessage testing = await node.GetAsync("MAAS/metadata/2012-03-01/maas-scripts");
        Assert.Equal(HttpStatusCode.NoContent, testing.StatusCode);
    }

    [Fact]
    public async Task A_storage_parameter_runs_the_script_once_per_disk_with_the_disk_as_its_value()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        using HttpClient admin = host.Client(user.ApiKey);
        await AddScriptAsync(admin, Header("disk-speed", "testing", "# tags: [disk-speed-tag]\n# hardware_type: storage\n# parameters: {storage: {type: storage}}"));

        (RemoteScriptsClient node, _) = await CommissionAsync(admin, user, m =>
        {
            m.BlockDevices.Add(new BlockDevice { Name = "sda", Model = "QEMU HARDDISK", Serial = "QM0001", IdPath = "/dev/disk/by-id/ata-QM0001", SizeBytes = 10L << 30 });
            m.BlockDevices.Add(new BlockDevice { Name = "nvme0n1", Model = "NVMe", Serial = "NV0002", IdPath = "/dev/disk/by-id/nvme-NV0002", SizeBytes = 20L << 30 });
        }, ("testing_scripts", "disk-speed-tag"));

        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        await node.ReportAllAsync(commissioning, _ => 0);
        (await node.SignalAsync("TESTING")).EnsureSuccessStatusCode();
        (JsonArray testing, Dictionary<string, string> files) = await node.ScriptsAsync("testing");

        Assert.Equal(["disk-speed", "disk-speed"], Names(testing));
        Assert.Equal(["nvme0n1", "sda"], testing.Select(e => e!["parameters"]!["storage"]!["value"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains(testing, e => e!["parameters"]!["storage"]!["value"]!["serial"]!.GetValue<string>() == "QM0001");
        Assert.NotEqual(testing[0]!["script_result_id"]!.GetValue<long>(), testing[1]!["script_result_id"]!.GetValue<long>());
        Assert.Single(files.Keys, k => k == "testing/disk-speed");
    }
}
