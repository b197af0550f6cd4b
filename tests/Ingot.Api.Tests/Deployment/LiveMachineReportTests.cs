using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Registration;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;
using Ingot.Core.Registration;
using Ingot.Core.Scripts;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// The registration endpoint's answers to reports made in the test (no namespace, no root): per-script results and
/// their status land in the deploy-info set; a malformed, oversized or second report with one token is refused with a
/// clear answer and changes nothing.
/// </summary>
public sealed class LiveMachineReportTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Resources = """
        {"api_version":"1.0","environment":{"kernel_architecture":"x86_64"},"resources":{"cpu":{"architecture":"x86_64","total":3,
        "sockets":[{"name":"Test CPU","cores":[{"threads":[{"id":0,"numa_node":0}]},{"threads":[{"id":1,"numa_node":1},{"id":2,"numa_node":1}]}]}]},
        "memory":{"total":4294967296,"nodes":[{"numa_node":0,"total":2147483648},{"numa_node":1,"total":2147483648}]},
        "pci":{"devices":[{"pci_address":"0000:00:01.0","vendor_id":"8086","product_id":"7000","driver":"","numa_node":0}]},
        "usb":{"devices":[{"bus_address":1,"device_address":2,"vendor_id":"0627","product_id":"0001","interfaces":[{"driver":"usbhid"}]}]}}}
        """;

    private static string B64(string text) => text.Length == 0 ? "-" : Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Report(int lshwExit = 0) =>
        string.Join('\n', [
            LiveHostReport.Header,
            .. DeployInfoScripts.All.Select(s => s.Name switch
            {
                CommissioningHooks.ResourcesScript => $"result {s.Name} 0 {B64(Resources)} -",
                "maas-lshw" when lshwExit != 0 => $"result {s.Name} {lshwExit} - {B64("sh: lshw: not found\n")}",
                _ => $"result {s.Name} 0 {B64(s.Name + " ran\n")} -",
            }),
        ]) + "\n";

    private async Task<(ApiUser Admin, string SystemId, Uri Url)> DeployedMachineAsync()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        using HttpResponseMessage created = await api.PostAsync("MAAS/api/2.0/machines/", MaasMultipart.Build(("architecture", "amd64"), ("deployed", "true"), ("hostname", "live-" + Guid.NewGuid().ToString("N")[..6])), Ct);
        string sid = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["system_id"]!.GetValue<string>();
        return (admin, sid, await UrlAsync(admin, sid));
    }

    private async Task<Uri> UrlAsync(ApiUser admin, string sid)
    {
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode answer = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{sid}/?op=get_registration_command", Ct))!;
        return new Uri(answer["url"]!.GetValue<string>());
    }

    private static async Task<(HttpStatusCode Status, string Text)> PostAsync(Uri url, HttpContent body)
    {
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.PostAsync(url, body, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task AssertUnchangedAsync(ApiUser admin, string sid)
    {
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode set = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{sid}/results/current-commissioning/", Ct))!;
        Assert.Equal("Pending", set["status_name"]!.GetValue<string>());
        Assert.All(set["results"]!.AsArray(), r => Assert.Equal("Pending", r!["status_name"]!.GetValue<string>()));
        Machine machine = await host.ReloadAsync(sid);
        Assert.Equal((MachineStatus.Deployed, 0, 0), (machine.Status, machine.CpuCount, machine.NodeDevices.Count));
        Assert.DoesNotContain(await host.EventsAsync(admin, sid), e => e.Description == MachineRegistration.Registered);
    }

    [Fact]
    public async Task A_machine_added_deployed_has_its_pending_deploy_info_set_at_once_and_its_first_report_fills_that_set()
    {
        (ApiUser admin, string sid, Uri url) = await DeployedMachineAsync();
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode machineJson = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{sid}/", Ct))!;
        JsonNode set = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{sid}/results/current-commissioning/", Ct))!;
        long id = set["id"]!.GetValue<long>();
        Assert.Equal((id, "Pending"), (machineJson["current_commissioning_result_id"]!.GetValue<long>(), machineJson["commissioning_status_name"]!.GetValue<string>()));
        Assert.True(DeployInfoScripts.IsDeployInfo(await host.Services.GetRequiredService<IScriptResultStore>().FindSetByIdAsync(id, Ct)));
        Assert.Equal(
            DeployInfoScripts.All.Select(s => (s.Name, "Pending")).Order(),
            set["results"]!.AsArray().Select(r => (r!["name"]!.GetValue<string>(), r["status_name"]!.GetValue<string>())).Order());
        Assert.Null(machineJson["current_testing_result_id"]);
        Assert.Equal(-1, machineJson["testing_status"]!.GetValue<int>());

        (HttpStatusCode status, _) = await PostAsync(url, new StringContent(Report()));
        Assert.Equal(HttpStatusCode.OK, status);
        machineJson = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{sid}/", Ct))!;
        set = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{sid}/results/current-commissioning/", Ct))!;
        Assert.Equal((id, id, "Passed"), (set["id"]!.GetValue<long>(), machineJson["current_commissioning_result_id"]!.GetValue<long>(), set["status_name"]!.GetValue<string>()));
        Assert.Single(await host.Services.GetRequiredService<IScriptResultStore>().SetsAsync(sid, Ct));
    }

    [Fact]
    public async Task Each_script_s_result_is_stored_with_its_status_and_the_set_s_status_is_the_machine_s_commissioning_status()
    {
        (ApiUser admin, string sid, Uri url) = await DeployedMachineAsync();
        (HttpStatusCode status, string text) = await PostAsync(url, new StringContent(Report(lshwExit: 127)));
        Assert.Equal((HttpStatusCode.OK, "OK"), (status, text));

        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode set = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{sid}/results/current-commissioning/?include_output=1", Ct))!;
        Assert.Equal("Failed", set["status_name"]!.GetValue<string>());
        JsonNode lshw = set["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "maas-lshw")!;
        Assert.Equal(("Failed", 127), (lshw["status_name"]!.GetValue<string>(), lshw["exit_status"]!.GetValue<int>()));
        Assert.Equal("sh: lshw: not found\n", Encoding.UTF8.GetString(Convert.FromBase64String(lshw["stderr"]!.GetValue<string>())));
        Assert.Equal(4, set["results"]!.AsArray().Count(r => r!["status_name"]!.GetValue<string>() == "Passed"));

        JsonNode machineJson = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{sid}/", Ct))!;
        Assert.Equal(("Deployed", "Failed"), (machineJson["status_name"]!.GetValue<string>(), machineJson["commissioning_status_name"]!.GetValue<string>()));
        Machine machine = await host.ReloadAsync(sid);
        Assert.Equal(3, machine.CpuCount);
        Assert.Equal([0, 1], machine.NumaNodes.Select(n => n.Index));
        Assert.Equal([[0], [1, 2]], machine.NumaNodes.Select(n => n.Cores.ToArray()));
        Assert.Equal(["0000:00:01.0"], machine.NodeDevices.Where(d => d.Bus == Core.Hardware.NodeDeviceBus.Pcie).Select(d => d.PciAddress));
        Assert.Equal(["usbhid"], machine.NodeDevices.Where(d => d.Bus == Core.Hardware.NodeDeviceBus.Usb).Select(d => d.CommissioningDriver));

        // A refresh with lshw present passes the same set.
        (status, _) = await PostAsync(await UrlAsync(admin, sid), new StringContent(Report()));
        Assert.Equal(HttpStatusCode.OK, status);
        JsonNode refreshed = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{sid}/results/current-commissioning/", Ct))!;
        Assert.Equal((set["id"]!.GetValue<long>(), "Passed"), (refreshed["id"]!.GetValue<long>(), refreshed["status_name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_malformed_or_oversized_report_is_refused_changes_nothing_and_leaves_the_token_usable()
    {
        (ApiUser admin, string sid, Uri url) = await DeployedMachineAsync();
        (HttpStatusCode status, string text) = await PostAsync(url, new StringContent("arch x86_64\ncpu_count 4\n"));
        Assert.Equal((HttpStatusCode.BadRequest, $"Not an Ingot registration report (the first line must be '{LiveHostReport.Header}')."), (status, text));
        await AssertUnchangedAsync(admin, sid);

        (status, text) = await PostAsync(url, new StringContent(Report().Replace("result maas-lshw", "result memtester", StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.BadRequest, "memtester is not a deploy-info script."), (status, text));
        await AssertUnchangedAsync(admin, sid);

        var huge = new ByteArrayContent(new byte[RegistrationEndpoint.MaxReportBytes + 1]);
        (status, text) = await PostAsync(url, huge);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, RegistrationEndpoint.TooLarge), (status, text));
        await AssertUnchangedAsync(admin, sid);

        // Unchanged, so the same token still reports once; then it is used.
        (status, _) = await PostAsync(url, new StringContent(Report()));
        Assert.Equal(HttpStatusCode.OK, status);
        Machine before = await host.ReloadAsync(sid);
        (status, text) = await PostAsync(url, new StringContent(Report(lshwExit: 1)));
        Assert.Equal((HttpStatusCode.NotFound, RegistrationEndpoint.UnknownToken), (status, text));
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode set = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{sid}/results/current-commissioning/", Ct))!;
        Assert.Equal("Passed", set["status_name"]!.GetValue<string>());
        Assert.Single(await host.EventsAsync(admin, sid), e => e.Description == MachineRegistration.Registered);
        Assert.Equal(before.Version, (await host.ReloadAsync(sid)).Version);
    }

    [Fact]
    public async Task A_machine_that_is_not_deployed_has_no_registration_url()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine ready = await host.ReadyAsync();
        using HttpClient api = host.Client(admin.ApiKey);
        using HttpResponseMessage answer = await api.GetAsync($"MAAS/api/2.0/machines/{ready.SystemId}/?op=get_registration_command", Ct);
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        (HttpStatusCode status, _) = await PostAsync(new Uri(host.BaseAddress, $"MAAS/register/{ready.SystemId}.{new string('0', 32)}"), new StringContent(Report()));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
