using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Deployment;

/// <summary>The <c>enable_disk_erasing_on_release</c> and <c>disk_erase_with_*</c> settings (own host: they are global).</summary>
public sealed class EraseOnReleaseTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_erasing_on_release_set_a_plain_release_erases_with_the_default_flags()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        foreach (string name in new[] { "enable_disk_erasing_on_release", "disk_erase_with_quick_erase" })
        {
            using HttpResponseMessage set = await api.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", name), ("value", "true")), Ct);
            set.EnsureSuccessStatusCode();
        }

        Machine machine = await host.ReadyMachineAsync(admin);
        await host.OpAsync(admin, machine.SystemId, "deploy");
        JsonNode released = await host.OpAsync(admin, machine.SystemId, "release");
        Assert.Equal("Disk erasing", released["status_name"]!.GetValue<string>());

        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray release, _) = await node.ScriptsAsync("release");
        JsonNode wipe = Assert.Single(release)!;
        Assert.True(wipe["parameters"]!["quick_erase"]!["value"]!.GetValue<bool>());
        Assert.False(wipe["parameters"]!["secure_erase"]!["value"]!.GetValue<bool>());
    }

    /// <summary>
    /// MAAS's <c>start_disk_erasing</c> uses the passed values before the global ones
    /// (<c>test_start_disk_erasing_uses_passed_values</c>): an explicit <c>secure_erase=false</c>/<c>quick_erase=false</c>
    /// in the request wins over a <c>true</c> setting; only an absent field takes the setting.
    /// </summary>
    [Fact]
    public async Task An_explicit_false_in_the_request_overrides_a_true_erase_setting_and_an_absent_one_takes_it()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        foreach (string name in new[] { "enable_disk_erasing_on_release", "disk_erase_with_quick_erase", "disk_erase_with_secure_erase" })
        {
            using HttpResponseMessage set = await api.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", name), ("value", "true")), Ct);
            set.EnsureSuccessStatusCode();
        }

        try
        {
            Assert.Equal((false, false), await ReleasedFlagsAsync(admin, ("secure_erase", "false"), ("quick_erase", "false")));
            Assert.Equal((false, true), await ReleasedFlagsAsync(admin, ("secure_erase", "0")));
            Assert.Equal((true, false), await ReleasedFlagsAsync(admin, ("quick_erase", "no")));
            Assert.Equal((true, true), await ReleasedFlagsAsync(admin));
        }
        finally
        {
            foreach (string name in new[] { "enable_disk_erasing_on_release", "disk_erase_with_quick_erase", "disk_erase_with_secure_erase" })
            {
                using HttpResponseMessage unset = await api.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", name), ("value", "false")), Ct);
                unset.EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>
    /// Releasing with erase records MAAS's REQUEST_NODE_ERASE_DISK ("User erasing disk", AUDIT level, the user's comment
    /// and the erase kind) as the request, then the status change to DISK_ERASING; a plain release records
    /// REQUEST_NODE_RELEASE ("User releasing node") and no erase event.
    /// </summary>
    [Fact]
    public async Task A_release_with_erase_records_MAAS_s_user_erasing_disk_event_and_a_plain_release_does_not()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        foreach (string name in new[] { "enable_disk_erasing_on_release", "disk_erase_with_quick_erase", "disk_erase_with_secure_erase" })
        {
            // The settings are global to this class's host: another test may have left them on.
            using HttpResponseMessage unset = await api.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", name), ("value", "false")), Ct);
            unset.EnsureSuccessStatusCode();
        }

        Machine erased = await host.ReadyMachineAsync(admin);
        await host.OpAsync(admin, erased.SystemId, "deploy");
        JsonNode erasing = await host.OpAsync(admin, erased.SystemId, "release", ("erase", "true"), ("quick_erase", "true"), ("comment", "decommission"));
        Assert.Equal("Disk erasing", erasing["status_name"]!.GetValue<string>());
        List<(string Type, string Description)> events = await AuditEventsAsync(admin, erased.SystemId);
        Assert.Contains(("User erasing disk", "decommission (quick erase)"), events);
        Assert.DoesNotContain(events, e => e.Type == "User releasing node");

        Machine plain = await host.ReadyMachineAsync(admin);
        await host.OpAsync(admin, plain.SystemId, "deploy");
        await host.OpAsync(admin, plain.SystemId, "release", ("comment", "done"));
        List<(string Type, string Description)> plainEvents = await AuditEventsAsync(admin, plain.SystemId);
        Assert.Contains(("User releasing node", "done"), plainEvents);
        Assert.DoesNotContain(plainEvents, e => e.Type == "User erasing disk");
    }

    /// <summary>The machine's events down to AUDIT, where MAAS records a user's requests (the API's default level, INFO, and DEBUG leave them out).</summary>
    private async Task<List<(string Type, string Description)>> AuditEventsAsync(ApiUser admin, string systemId)
    {
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode page = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/events/?op=query&id={systemId}&level=AUDIT&limit=1000", Ct))!;
        return [.. page["events"]!.AsArray().Select(e => (e!["type"]!.GetValue<string>(), e["description"]!.GetValue<string>()))];
    }

    /// <summary>Deploys a new READY machine, releases it with <paramref name="fields"/> and reads the wipe-disks inputs it got.</summary>
    private async Task<(bool Secure, bool Quick)> ReleasedFlagsAsync(ApiUser admin, params (string Name, string Value)[] fields)
    {
        Machine machine = await host.ReadyMachineAsync(admin);
        await host.OpAsync(admin, machine.SystemId, "deploy");
        JsonNode released = await host.OpAsync(admin, machine.SystemId, "release", fields);
        Assert.Equal("Disk erasing", released["status_name"]!.GetValue<string>());
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray release, _) = await node.ScriptsAsync("release");
        JsonNode wipe = Assert.Single(release)!;
        return (wipe["parameters"]!["secure_erase"]!["value"]!.GetValue<bool>(), wipe["parameters"]!["quick_erase"]!["value"]!.GetValue<bool>());
    }
}
