using Ingot.Core.Config;
using Ingot.Core.Enlistment;
using Ingot.Core.HardwareSync;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Metadata;
using Ingot.Core.Registration;
using Ingot.Core.Rendering;
using Ingot.Core.Scripts;
using Ingot.Core.Tests.Actions;
using Ingot.Core.Tests.Scripts;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Deployment;

/// <summary>
/// MAAS's hardware sync (<c>enable_hw_sync</c>): the interval syntax of <c>hardware_sync_interval</c>, the fields a
/// deployment sets (<c>sync_interval</c> from the setting, <c>last_sync</c> at <c>end_deployment</c> and at every signal
/// that stores results), <c>next_sync</c> and <c>is_sync_healthy</c>, release clearing them, and the Linux-only
/// refusal at each door.
/// </summary>
public sealed class HardwareSyncTests
{
    private static readonly CancellationToken s_ct = CancellationToken.None;
    private static readonly Actor s_alice = Actor.User(MachineFixture.Alice);
    private static readonly DateTime s_now = MachineFixture.Start;

    /// <summary>MAAS's own cases (<c>TestParseSystemdInterval</c>) and the edges of its <c>re.match</c>.</summary>
    [Theory]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("90s", 90)]
    [InlineData("2 hours 5 minutes 10 seconds", 7510)]
    [InlineData("1 hour 1 minute 1 second", 3661)]
    [InlineData("1hr 15min 5sec", 4505)]
    [InlineData("3h 5m 2s", 11102)]
    [InlineData("1h30m", 5400)]
    [InlineData("0m", 0)]
    [InlineData("15mx", 900)] // re.match: what follows the match is ignored
    [InlineData("30m 1h", 1800)] // hours must come first; the rest is ignored
    public void An_interval_is_read_as_maas_reads_it(string text, int seconds) =>
        Assert.Equal(seconds, SyncInterval.Seconds(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("m")]
    [InlineData("15")]
    [InlineData(" 15m")]
    [InlineData("15 d")]
    [InlineData("99999999999h")]
    [InlineData("99999999999999999999999s")]
    public void Text_maas_does_not_match_is_refused(string text) => Assert.Null(SyncInterval.Seconds(text));

    [Fact]
    public void The_refusal_is_maas_s_text() => Assert.Equal(
        "value is not a valid interval: 5d, only 'h|hr|hour|hours, m|min|minute|minutes, s|sec|second|seconds' are valid units",
        SyncInterval.Refusal("5d"));

    [Fact]
    public async Task The_setting_defaults_to_15m_and_is_checked_when_set()
    {
        var store = new Fakes.InMemoryConfigStore();
        var settings = new ConfigSettings(store);
        Assert.Equal("15m", await settings.GetAsync("hardware_sync_interval", s_ct));
        Assert.Equal(900, (await LifecycleSettingsLoader.LoadAsync(store, s_ct)).HardwareSyncInterval);

        var refused = await Assert.ThrowsAsync<MachineFormException>(() => settings.SetAsync("hardware_sync_interval", "5 days", s_ct));
        Assert.Equal(SyncInterval.Refusal("5 days"), Assert.Single(refused.Errors["hardware_sync_interval"]));
        Assert.Equal("15m", await settings.GetAsync("hardware_sync_interval", s_ct));

        await settings.SetAsync("hardware_sync_interval", "1h 30m", s_ct);
        Assert.Equal("1h 30m", await settings.GetAsync("hardware_sync_interval", s_ct));
        Assert.Equal(5400, (await LifecycleSettingsLoader.LoadAsync(store, s_ct)).HardwareSyncInterval);
    }

    [Fact]
    public void A_deployment_with_hardware_sync_takes_the_interval_and_syncs_when_the_os_fetches_its_user_data()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice);
        machine.StartDeployment(s_alice, s_now, new LifecycleSettings { HardwareSyncInterval = 600 }, new DeployOptions(EnableHwSync: true));

        Assert.Equal((true, (int?)600, (DateTime?)null, (DateTime?)null), (machine.EnableHwSync, machine.SyncInterval, machine.LastSync, machine.NextSync));
        Assert.False(machine.IsSyncHealthy(s_now));

        DateTime deployed = s_now.AddMinutes(7);
        Assert.True(machine.EndDeployment(deployed));

        Assert.Equal(deployed, machine.LastSync);
        Assert.Equal(deployed.AddSeconds(600), machine.NextSync);

        // MAAS: healthy while now <= last_sync + 1.5 x sync_interval.
        Assert.True(machine.IsSyncHealthy(deployed.AddSeconds(900)));
        Assert.False(machine.IsSyncHealthy(deployed.AddSeconds(900).AddTicks(1)));
    }

    [Fact]
    public void A_deployment_without_hardware_sync_leaves_the_fields_empty()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice);
        machine.StartDeployment(s_alice, s_now, LifecycleSettings.Default, DeployOptions.Default);
        machine.EndDeployment(s_now.AddMinutes(5));

        Assert.Equal((false, (int?)null, (DateTime?)null, (DateTime?)null), (machine.EnableHwSync, machine.SyncInterval, machine.LastSync, machine.NextSync));
        Assert.False(machine.RecordHardwareSync(s_now.AddMinutes(6)));
        Assert.Null(machine.LastSync);
    }

    [Fact]
    public void Release_clears_the_hardware_sync_fields_and_the_next_deployment_reads_the_setting_again()
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice);
        machine.StartDeployment(s_alice, s_now, LifecycleSettings.Default, new DeployOptions(EnableHwSync: true));
        machine.EndDeployment(s_now.AddMinutes(5));

        machine.Release(s_alice, s_now.AddMinutes(10), LifecycleSettings.Default);

        Assert.Equal((false, (int?)null, (DateTime?)null, (DateTime?)null), (machine.EnableHwSync, machine.SyncInterval, machine.LastSync, machine.NextSync));

        machine.Acquire(s_alice, s_now.AddMinutes(11));
        machine.StartDeployment(s_alice, s_now.AddMinutes(12), new LifecycleSettings { HardwareSyncInterval = 60 }, new DeployOptions(EnableHwSync: true));
        Assert.Equal(60, machine.SyncInterval);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("ubuntu", true)]
    [InlineData("centos", true)]
    [InlineData("rhel", true)]
    [InlineData("ol", true)]
    [InlineData("custom", true)]
    [InlineData("windows", false)]
    [InlineData("esxi", false)]
    [InlineData("Ubuntu", false)]
    public void Hardware_sync_is_for_linux_and_custom_images(string osystem, bool supported) =>
        Assert.Equal(supported, HardwareSyncRules.Supports(osystem));

    [Theory]
    [InlineData(MachineStatus.Ready)]
    [InlineData(MachineStatus.Allocated)]
    public async Task The_deploy_op_refuses_hardware_sync_on_windows_with_the_form_error_and_changes_nothing(MachineStatus status)
    {
        string? owner = status == MachineStatus.Ready ? null : MachineFixture.Alice;
        var store = await MachineFixture.StoreWith(MachineFixture.InStatus(status, owner));
        int events = (await store.EventsAsync("abc123", s_ct)).Count;

        var error = await Assert.ThrowsAsync<MachineFormException>(() => Operations(store).DeployAsync(
            "abc123", s_alice, new DeployOptions(Osystem: "windows", DistroSeries: "win2016", EnableHwSync: true), s_ct));

        Assert.Equal(ErrorCategory.BadRequest, error.Category);
        Assert.Equal(HardwareSyncRules.FormRefusal, Assert.Single(error.Errors["enable_hw_sync"]));
        Machine stored = (await store.FindAsync("abc123", s_ct))!;
        Assert.Equal((status, owner, false), (stored.Status, stored.Owner, stored.EnableHwSync));
        Assert.Equal(events, (await store.EventsAsync("abc123", s_ct)).Count);
    }

    [Fact]
    public async Task The_deploy_op_answers_the_state_error_first_as_maas_does()
    {
        var store = await MachineFixture.StoreWith(MachineFixture.InStatus(MachineStatus.New));

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() => Operations(store).DeployAsync(
            "abc123", Actor.User(MachineFixture.Root, isAdmin: true), new DeployOptions(Osystem: "windows", EnableHwSync: true), s_ct));

        Assert.Equal("Can't deploy a machine that is in the 'New' state", error.Message);
    }

    [Fact]
    public async Task The_deploy_action_refuses_hardware_sync_on_windows_with_the_action_error()
    {
        var store = await MachineFixture.StoreWith(MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice));

        var error = await Assert.ThrowsAnyAsync<MachineOperationException>(() => Actions(store).ExecuteAsync(
            "abc123", NodeActions.Deploy, s_alice, new ActionParameters { Deploy = new DeployOptions(Osystem: "esxi", EnableHwSync: true) }, s_ct));

        Assert.Equal("enable_hw_sync can only be set on Linux based deploys", error.Message);
        Assert.Equal(MachineStatus.Allocated, (await store.FindAsync("abc123", s_ct))!.Status);
    }

    [Fact]
    public async Task The_deploy_op_stores_hardware_sync_for_ubuntu()
    {
        var store = await MachineFixture.StoreWith(MachineFixture.InStatus(MachineStatus.Ready));

        Machine deploying = await Operations(store).DeployAsync("abc123", s_alice, new DeployOptions(EnableHwSync: true), s_ct);

        Assert.Equal((MachineStatus.Deploying, true, (int?)900), (deploying.Status, deploying.EnableHwSync, deploying.SyncInterval));
        Machine stored = (await store.FindAsync("abc123", s_ct))!;
        Assert.Equal((true, (int?)900), (stored.EnableHwSync, stored.SyncInterval));
    }

    /// <summary>
    /// MAAS's <c>_store_results</c> ends with "if node.enable_hw_sync: node.last_sync = now": each report of a
    /// deployed machine with hardware sync on moves <c>last_sync</c>; a machine without it (one added with
    /// <c>deployed=true</c>, which MAAS never turns hardware sync on for) keeps the fields empty.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_deployed_machine_s_report_moves_last_sync_only_with_hardware_sync_on(bool enabled)
    {
        Machine machine = MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice);
        machine.StartDeployment(s_alice, s_now, LifecycleSettings.Default, new DeployOptions(EnableHwSync: enabled));
        machine.EndDeployment(s_now.AddMinutes(5));
        var store = await MachineFixture.StoreWith(machine);
        var time = new FakeTimeProvider(new DateTimeOffset(s_now.AddMinutes(20)));
        var signals = new MachineSignals(store, new InMemoryScriptResultStore(), time);

        await signals.SignalAsync("abc123", new SignalRequest("WORKING"), s_ct);
        time.Advance(TimeSpan.FromMinutes(15));
        await signals.SignalAsync("abc123", new SignalRequest("WORKING"), s_ct);

        Machine stored = (await store.FindAsync("abc123", s_ct))!;
        Assert.Equal(MachineStatus.Deployed, stored.Status);
        Assert.Equal(enabled ? s_now.AddMinutes(35) : null, stored.LastSync);
        Assert.Equal(enabled ? s_now.AddMinutes(50) : null, stored.NextSync);
    }

    /// <summary>MAAS's <c>systemd_interval_to_calendar</c>, case by case.</summary>
    [Theory]
    [InlineData("15m", "*-*-* *:00/15:00")]
    [InlineData("1h", "*-*-* *:00:00")]
    [InlineData("2h", "*-*-* 00/2:00:00")]
    [InlineData("30s", "*-*-* *:*:00/30")]
    [InlineData("1h 30m", "*-*-* *:00/30:00")]
    [InlineData("2h 10m 5s", "*-*-* 00/2:00/10:00/5")]
    public void The_timer_calendar_is_maas_s(string interval, string calendar) =>
        Assert.Equal(calendar, SyncInterval.Calendar(interval));

    [Fact]
    public void The_vendor_data_installs_maas_s_timer_and_service_only_with_hardware_sync_on()
    {
        var token = new MachineToken { SystemId = "abc123", ConsumerKey = "ck", TokenKey = "tk", TokenSecret = "ts" };
        Machine off = MachineFixture.InStatus(MachineStatus.Deployed, MachineFixture.Alice);
        Assert.Equal("#cloud-config\n{}\n", HardwareSyncJob.CloudConfig(off, token, "http://10.0.0.1:5240/MAAS/metadata/", "15m"));

        Machine on = MachineFixture.InStatus(MachineStatus.Allocated, MachineFixture.Alice);
        on.StartDeployment(s_alice, s_now, LifecycleSettings.Default, new DeployOptions(EnableHwSync: true));
        string config = HardwareSyncJob.CloudConfig(on, token, "http://10.0.0.1:5240/MAAS/metadata/", "2h");

        Assert.StartsWith("#cloud-config\n", config, StringComparison.Ordinal);
        foreach (string path in new[] { HardwareSyncJob.TimerPath, HardwareSyncJob.ServicePath, HardwareSyncJob.ScriptPath })
        {
            Assert.Contains(YamlText.Quote(path), config, StringComparison.Ordinal);
        }

        Assert.Contains("OnCalendar=*-*-* 00/2:00:00", config, StringComparison.Ordinal);
        Assert.Contains("ExecStart=/usr/local/sbin/ingot-hardware-sync", config, StringComparison.Ordinal);
        foreach (string command in HardwareSyncJob.RunCommands)
        {
            Assert.Contains(YamlText.Quote(command), config, StringComparison.Ordinal);
        }

        string script = HardwareSyncJob.Script(token, "http://10.0.0.1:5240/MAAS/metadata/");
        Assert.Contains("url='http://10.0.0.1:5240/MAAS/metadata/2012-03-01/'", script, StringComparison.Ordinal);
        Assert.Contains("'ck' 'tk' 'ts'", script, StringComparison.Ordinal);
        foreach (BuiltInScript deployInfo in DeployInfoScripts.All)
        {
            Assert.Contains($"report {deployInfo.Name} ", script, StringComparison.Ordinal);
        }

        // A setting MAAS would refuse (it cannot be stored, but a database edited by hand could hold it) falls back to 15m.
        Assert.Contains("OnCalendar=*-*-* *:00/15:00", HardwareSyncJob.CloudConfig(on, token, "http://x/MAAS/metadata/", "weekly"), StringComparison.Ordinal);
    }

    private static MachineOperations Operations(Fakes.InMemoryMachineStore store) =>
        new(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);

    private static MachineActions Actions(Fakes.InMemoryMachineStore store) =>
        new(store, new FakeTimeProvider(MachineFixture.Start), LifecycleSettings.Default);
}
