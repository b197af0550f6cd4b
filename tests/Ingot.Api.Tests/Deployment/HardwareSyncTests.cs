using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// <c>enable_hw_sync</c> through the REST API and the metadata API: the deploy op stores it with the configured
/// <c>sync_interval</c>, the deployed OS's user-data fetch sets <c>last_sync</c>, each later signal moves it, the machine
/// JSON shows the four fields as MAAS writes them, release clears them; a non-Linux OS is refused (400, MAAS's form
/// error) and <c>hardware_sync_interval</c> is read and set through <c>get_config</c>/<c>set_config</c> with MAAS's
/// check. Own host: the setting is global.
/// </summary>
public sealed partial class HardwareSyncTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deployment_with_hardware_sync_shows_maas_s_fields_syncs_on_each_report_and_release_clears_them()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        string sid = machine.SystemId;
        JsonNode ready = await GetAsync(user, sid);
        AssertOff(ready);

        JsonNode deploying = await host.OpAsync(user, sid, "deploy", ("enable_hw_sync", "true"));
        Assert.Equal("Deploying", deploying["status_name"]!.GetValue<string>());
        Assert.True(deploying["enable_hw_sync"]!.GetValue<bool>());
        Assert.Equal(900, deploying["sync_interval"]!.GetValue<int>());
        Assert.Null(deploying["last_sync"]);
        Assert.Null(deploying["next_sync"]);

        // The deployed OS's cloud-init fetches its user-data: end_deployment, which sets last_sync.
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, sid);
        DateTime before = Truncated(TimeProvider.System.GetUtcNow().UtcDateTime);
        using (HttpResponseMessage data = await node.GetAsync("MAAS/metadata/2012-03-01/user-data"))
        {
            // Deployed without user_data: 404 "No user data available" (cloud-init accepts it), the read still ends the deployment.
            Assert.Equal(HttpStatusCode.NotFound, data.StatusCode);
        }

        JsonNode deployed = await GetAsync(user, sid);
        Assert.Equal("Deployed", deployed["status_name"]!.GetValue<string>());
        DateTime lastSync = Instant(deployed["last_sync"]);
        Assert.InRange(lastSync, before, TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.Equal(lastSync.AddSeconds(900), Instant(deployed["next_sync"]));
        Assert.True(deployed["enable_hw_sync"]!.GetValue<bool>());

        // A periodic report: the resources script's result, as the deployed OS's hardware-sync job posts it. The
        // machine's hardware is refreshed from it (a qemu VM: 2 CPUs, 2 GiB) and last_sync moves.
        Assert.Equal(0, deployed["cpu_count"]!.GetValue<int>());
        await Task.Delay(20, Ct);
        const string Resources = "50-maas-01-commissioning";
        using (HttpResponseMessage report = await node.SignalAsync(
            "WORKING",
            [("name", Resources), ("exit_status", "0")],
            [(Resources, RemoteScriptsClient.DefaultStdout(Resources)), ($"{Resources}.out", RemoteScriptsClient.DefaultStdout(Resources)), ($"{Resources}.err", [])]))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        JsonNode synced = await GetAsync(user, sid);
        Assert.Equal((2, 2048L), (synced["cpu_count"]!.GetValue<int>(), synced["memory"]!.GetValue<long>()));
        DateTime resynced = Instant(synced["last_sync"]);
        Assert.True(resynced > lastSync, $"{resynced:O} after {lastSync:O}");
        Assert.Equal(resynced.AddSeconds(900), Instant(synced["next_sync"]));
        Assert.Equal("Deployed", synced["status_name"]!.GetValue<string>());

        JsonNode released = await host.OpAsync(user, sid, "release");
        AssertOff(released);
        AssertOff(await GetAsync(user, sid));
    }

    [Fact]
    public async Task A_deployment_without_hardware_sync_keeps_the_fields_empty_after_the_os_reports()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.OpAsync(user, machine.SystemId, "deploy", ("enable_hw_sync", "false"));
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        using (HttpResponseMessage data = await node.GetAsync("MAAS/metadata/2012-03-01/user-data"))
        {
            // Deployed without user_data: 404 "No user data available" (cloud-init accepts it), the read still ends the deployment.
            Assert.Equal(HttpStatusCode.NotFound, data.StatusCode);
        }

        using (HttpResponseMessage report = await node.SignalAsync("WORKING"))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        JsonNode deployed = await GetAsync(user, machine.SystemId);
        Assert.Equal("Deployed", deployed["status_name"]!.GetValue<string>());
        AssertOff(deployed);
    }

    [Theory]
    [InlineData("windows/win2016")]
    [InlineData("esxi/6.7")]
    public async Task Hardware_sync_on_a_non_linux_os_is_refused_with_maas_s_form_error_and_changes_nothing(string series)
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        using HttpClient api = host.Client(user.ApiKey);

        using HttpResponseMessage refused = await api.PostAsync(
            $"MAAS/api/2.0/machines/{machine.SystemId}/?op=deploy",
            new FormUrlEncodedContent([new("distro_series", series), new("enable_hw_sync", "true")]),
            Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        AssertJson("""{"enable_hw_sync": ["Hardware sync is only supported for Linux based image deploys."]}""", await refused.TextAsync());
        JsonNode after = await GetAsync(user, machine.SystemId);
        Assert.Equal("Ready", after["status_name"]!.GetValue<string>());
        AssertOff(after);
    }

    [Fact]
    public async Task A_value_that_is_not_a_boolean_is_refused()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        using HttpClient api = host.Client(user.ApiKey);

        using HttpResponseMessage refused = await api.PostAsync(
            $"MAAS/api/2.0/machines/{machine.SystemId}/?op=deploy", new FormUrlEncodedContent([new("enable_hw_sync", "sometimes")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("enable_hw_sync", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(MachineStatus.Ready, (await host.ReloadAsync(machine.SystemId)).Status);
    }

    [Fact]
    public async Task The_interval_setting_is_read_checked_and_used_by_the_next_deployment()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient api = host.Client(admin.ApiKey);
        Assert.Equal("\"15m\"", await api.GetStringAsync("MAAS/api/2.0/maas/?op=get_config&name=hardware_sync_interval", Ct));

        using (HttpResponseMessage bad = await api.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", "hardware_sync_interval"), ("value", "2 days")), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            AssertJson(
                """{"hardware_sync_interval": ["value is not a valid interval: 2 days, only 'h|hr|hour|hours, m|min|minute|minutes, s|sec|second|seconds' are valid units"]}""",
                await bad.TextAsync());
        }

        Assert.Equal("\"15m\"", await api.GetStringAsync("MAAS/api/2.0/maas/?op=get_config&name=hardware_sync_interval", Ct));
        try
        {
            using (HttpResponseMessage set = await api.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", "hardware_sync_interval"), ("value", "1h 30m")), Ct))
            {
                set.EnsureSuccessStatusCode();
            }

            Assert.Equal("\"1h 30m\"", await api.GetStringAsync("MAAS/api/2.0/maas/?op=get_config&name=hardware_sync_interval", Ct));
            Machine machine = await host.ReadyMachineAsync(admin);
            JsonNode deploying = await host.OpAsync(admin, machine.SystemId, "deploy", ("enable_hw_sync", "1"));
            Assert.Equal(5400, deploying["sync_interval"]!.GetValue<int>());
        }
        finally
        {
            using HttpResponseMessage reset = await api.PostAsync("MAAS/api/2.0/maas/?op=set_config", MaasMultipart.Build(("name", "hardware_sync_interval"), ("value", "15m")), Ct);
            reset.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// The deployed OS's vendor data carries MAAS's timer and service (read here by PyYAML, as cloud-init reads it; the
    /// calendar checked by <c>systemd-analyze calendar</c>); the script the service runs, run here with <c>sh</c>
    /// against this host, runs the deploy-info scripts on this machine (they only read /proc, /sys and /etc) and
    /// posts each result with the machine's token: <c>last_sync</c> moves and the hardware arrives.
    /// </summary>
    [Fact]
    public async Task The_vendor_data_installs_the_periodic_job_and_its_script_reports_to_the_metadata_api()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        string sid = machine.SystemId;
        await host.OpAsync(user, sid, "deploy", ("enable_hw_sync", "true"));
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, sid);
        string vendorData;
        using (HttpResponseMessage vendor = await node.GetAsync("MAAS/metadata/2012-03-01/meta-data/vendor-data"))
        {
            Assert.Equal(HttpStatusCode.OK, vendor.StatusCode);
            vendorData = await vendor.TextAsync();
        }

        using (HttpResponseMessage data = await node.GetAsync("MAAS/metadata/2012-03-01/user-data"))
        {
            // Deployed without user_data: 404 "No user data available" (cloud-init accepts it), the read still ends the deployment.
            Assert.Equal(HttpStatusCode.NotFound, data.StatusCode);
        }

        DateTime deployedAt = Instant((await GetAsync(user, sid))["last_sync"]);
        (int parsedExit, string parsed) = await DeploySeeds.RunShellAsync($"/usr/bin/python3 -c '{ParseVendorData}' <<'EOF'\n{vendorData}EOF\n");
        Assert.True(parsedExit == 0, parsed);
        JsonNode job = JsonNode.Parse(parsed)!;
        Assert.Equal(
            ["/lib/systemd/system/maas_hardware_sync.timer 0644", "/lib/systemd/system/maas_hardware_sync.service 0644", "/usr/local/sbin/ingot-hardware-sync 0700"],
            job["files"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(
            ["systemctl daemon-reload", "systemctl start maas_hardware_sync.timer", "systemctl enable maas_hardware_sync.timer"],
            job["runcmd"]!.AsArray().Select(c => c!.GetValue<string>()));
        string calendar = job["calendar"]!.GetValue<string>();
        Assert.Equal("*-*-* *:00/15:00", calendar);
        (int calendarExit, string normalized) = await DeploySeeds.RunShellAsync($"systemd-analyze calendar '{calendar}'");
        Assert.True(calendarExit == 0, normalized);

        (int exit, string output) = await DeploySeeds.RunShellAsync(job["script"]!.GetValue<string>());

        Assert.True(exit == 0, output);
        JsonNode synced = await GetAsync(user, sid);
        Assert.True(Instant(synced["last_sync"]) > deployedAt);
        Assert.Equal("Deployed", synced["status_name"]!.GetValue<string>());
        Assert.True(synced["cpu_count"]!.GetValue<int>() >= 1, synced.ToJsonString());
        Assert.True(synced["memory"]!.GetValue<long>() > 0, synced.ToJsonString());
    }

    /// <summary>PyYAML over the vendor data, then over its cloud-config: the files, the runcmd, the timer's calendar and the script.</summary>
    private const string ParseVendorData = """
        import json, sys, yaml
        outer = yaml.safe_load(sys.stdin)
        config = yaml.safe_load(outer["cloud-init"])
        files = config["write_files"]
        timer = next(f["content"] for f in files if f["path"].endswith(".timer"))
        calendar = next(l.split("=", 1)[1] for l in timer.splitlines() if l.startswith("OnCalendar="))
        script = next(f["content"] for f in files if f["path"] == "/usr/local/sbin/ingot-hardware-sync")
        print(json.dumps({"files": [f["path"] + " " + f["permissions"] for f in files], "runcmd": config["runcmd"], "calendar": calendar, "script": script}))
        """;

    private static void AssertJson(string expected, string body) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(body)), body);

    private static void AssertOff(JsonNode machine)
    {
        Assert.False(machine["enable_hw_sync"]!.GetValue<bool>());
        foreach (string field in new[] { "last_sync", "sync_interval", "next_sync" })
        {
            JsonObject json = machine.AsObject();
            Assert.True(json.ContainsKey(field), field);
            Assert.Null(json[field]);
        }
    }

    /// <summary>MAAS's DjangoJSONEncoder text of a naive UTC instant: seconds, or milliseconds when there are any; no zone.</summary>
    private static DateTime Instant(JsonNode? node)
    {
        string text = node!.GetValue<string>();
        Assert.Matches(DjangoInstant(), text);
        return DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), DateTimeKind.Utc);
    }

    private static DateTime Truncated(DateTime instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    private async Task<JsonNode> GetAsync(ApiUser user, string systemId)
    {
        using HttpClient api = host.Client(user.ApiKey);
        return JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/machines/{systemId}/", Ct))!;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$")]
    private static partial Regex DjangoInstant();
}
