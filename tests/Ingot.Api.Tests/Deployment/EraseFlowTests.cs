using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// Release with disk erasing: the ephemeral environment's user-data (Ingot's release-script runner) is
/// run for real with <c>sh</c> and <c>curl</c> against the host, and <c>wipe-disks</c> erases a disk
/// made of files; cloud-init's final event then releases the machine. The failure branch is a disk
/// that cannot be erased.
/// </summary>
public sealed class EraseFlowTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(ApiUser User, Machine Machine)> DeployedAsync()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.OpAsync(user, machine.SystemId, "deploy");
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (await node.GetAsync("MAAS/metadata/2012-03-01/user-data")).Dispose();
        Assert.Equal(MachineStatus.Deployed, (await host.ReloadAsync(machine.SystemId)).Status);
        return (user, machine);
    }

    private async Task<JsonNode> WipeDisksResultAsync(ApiUser user, string systemId)
    {
        using HttpClient api = host.Client(user.ApiKey);
        JsonArray sets = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{systemId}/results/?type=release&include_output=1", Ct))!.AsArray();
        JsonNode set = Assert.Single(sets)!;
        Assert.Equal("Release", set["type_name"]!.GetValue<string>());
        return set["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "wipe-disks")!;
    }

    private static string Decoded(JsonNode result, string field) => Encoding.UTF8.GetString(Convert.FromBase64String(result[field]!.GetValue<string>()));

    [Fact]
    public async Task Release_with_quick_erase_zeroes_the_ends_of_the_disk_and_the_machine_is_ready()
    {
        (ApiUser user, Machine machine) = await DeployedAsync();
        string sid = machine.SystemId;
        JsonNode erasing = await host.OpAsync(user, sid, "release", ("erase", "true"), ("quick_erase", "true"));
        Assert.Equal("Disk erasing", erasing["status_name"]!.GetValue<string>());

        (RemoteScriptsClient node, string preseed) = await RemoteScriptsClient.FromPreseedAsync(host, sid);
        Assert.Contains($"metadata_url: \"{host.BaseAddress}MAAS/metadata/\"", preseed, StringComparison.Ordinal);
        Assert.Contains("timeout: 604800", preseed, StringComparison.Ordinal);
        (JsonArray release, _) = await node.ScriptsAsync("release");
        JsonNode wipe = Assert.Single(release)!;
        Assert.Equal("wipe-disks", wipe["name"]!.GetValue<string>());
        Assert.True(wipe["parameters"]!["quick_erase"]!["value"]!.GetValue<bool>());
        Assert.False(wipe["parameters"]!["secure_erase"]!["value"]!.GetValue<bool>());

        string runner;
        using (HttpResponseMessage userData = await node.GetAsync("MAAS/metadata/2012-03-01/user-data"))
        {
            Assert.Equal(HttpStatusCode.OK, userData.StatusCode);
            runner = await userData.Content.ReadAsStringAsync(Ct);
        }

        using var disk = new FakeDisk();
        (int exit, string output) = await DeploySeeds.RunShellAsync(runner, disk.Environment);
        Assert.True(exit == 0, output);

        byte[] bytes = disk.Read();
        Assert.All(bytes[..(2 << 20)], b => Assert.Equal(0, b));
        Assert.All(bytes[^(2 << 20)..], b => Assert.Equal(0, b));
        Assert.All(bytes[(2 << 20)..^(2 << 20)], b => Assert.Equal(0xFF, b));

        JsonNode result = await WipeDisksResultAsync(user, sid);
        Assert.Equal("Passed", result["status_name"]!.GetValue<string>());
        Assert.Contains("vda: quick erase done", Decoded(result, "stdout"), StringComparison.Ordinal);
        Assert.Equal(MachineStatus.DiskErasing, (await host.ReloadAsync(sid)).Status);

        using (HttpResponseMessage final = await node.ReportAsync(host, sid, "cloudinit", "finish", StatusMessages.ModulesFinal, "SUCCESS", "running modules for final"))
        {
            Assert.Equal(HttpStatusCode.NoContent, final.StatusCode);
        }

        Machine released = await host.ReloadAsync(sid);
        Assert.Equal(MachineStatus.Ready, released.Status);
        Assert.Null(released.Owner);
        Assert.Equal("", released.Osystem);
        List<(string Type, string Description)> events = await host.EventsAsync(user, sid);
        Assert.Contains(("Node status event", "Disk erasing finished"), events);
        Assert.Contains(events, e => e.Type == "Released");
    }

    [Fact]
    public async Task A_disk_that_cannot_be_erased_fails_disk_erasing_with_the_reason()
    {
        (ApiUser user, Machine machine) = await DeployedAsync();
        string sid = machine.SystemId;
        await host.OpAsync(user, sid, "release", ("erase", "true"));
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, sid);
        string runner;
        using (HttpResponseMessage userData = await node.GetAsync("MAAS/metadata/2012-03-01/user-data"))
        {
            runner = await userData.Content.ReadAsStringAsync(Ct);
        }

        using var disk = new FakeDisk(readOnly: true);
        (int exit, string output) = await DeploySeeds.RunShellAsync(runner, disk.Environment);
        Assert.True(exit == 0, output);

        Machine failed = await host.ReloadAsync(sid);
        Assert.Equal(MachineStatus.FailedDiskErasing, failed.Status);
        Assert.Equal("Failed to erase disks.", failed.ErrorDescription);
        JsonNode result = await WipeDisksResultAsync(user, sid);
        Assert.Equal("Failed", result["status_name"]!.GetValue<string>());
        Assert.Equal(1, result["exit_status"]!.GetValue<int>());
        Assert.Contains("vda: the disk is read-only and cannot be erased", Decoded(result, "stderr"), StringComparison.Ordinal);
        Assert.All(disk.Read(), b => Assert.Equal(0xFF, b));
        Assert.Contains(("Marking node failed", "Failed to erase disks."), await host.EventsAsync(user, sid));
    }

    [Fact]
    public async Task A_failed_top_level_stage_while_erasing_fails_disk_erasing()
    {
        (ApiUser user, Machine machine) = await DeployedAsync();
        await host.OpAsync(user, machine.SystemId, "release", ("erase", "true"), ("secure_erase", "true"));
        Assert.True((await host.ReloadAsync(machine.SystemId)).SecureErase);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        using (HttpResponseMessage failed = await node.ReportAsync(host, machine.SystemId, "cloudinit", "finish", StatusMessages.ModulesFinal, "FAIL", "running modules for final"))
        {
            Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);
        }

        Machine reloaded = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.FailedDiskErasing, reloaded.Status);
        Assert.Equal("Failed to erase disks.", reloaded.ErrorDescription);
    }
}
