using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Boot;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// Deployment driven by requests shaped as the installer (curtin, its cloud-init) and the deployed
/// OS's cloud-init send them, and each way it fails: the installer reports a failure, or the machine
/// never calls back.
/// </summary>
public sealed class DeployFlowTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static BootRecord BootRecordOf(Machine m) =>
        new(m.SystemId, m.Hostname, m.Status, m.PreviousStatus, m.Architecture, m.Osystem, m.DistroSeries, m.HweKernel, m.Netboot, "", m.IsEphemeralDeployment);

    private static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync(Ct);

    [Fact]
    public async Task A_ready_machine_installs_reboots_to_disk_fetches_its_user_data_and_is_deployed()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        string key = await host.AddSshKeyAsync(user);
        Machine machine = await host.ReadyMachineAsync(user);
        string sid = machine.SystemId;
        const string UserData = "#cloud-config\nruncmd:\n  - touch /root/deployed-by-ingot\n";

        JsonNode deploying = await host.OpAsync(user, sid, "deploy", ("distro_series", "noble"), ("user_data", Convert.ToBase64String(Encoding.UTF8.GetBytes(UserData))));
        Assert.Equal("Deploying", deploying["status_name"]!.GetValue<string>());
        Assert.Equal(BootPurpose.Xinstall, BootPurposes.For(BootRecordOf(await host.ReloadAsync(sid))));

        // The installer's preseed: curtin's metadata URL and a reboot at the end.
        (RemoteScriptsClient node, string preseed) = await RemoteScriptsClient.FromPreseedAsync(host, sid);
        Assert.Contains($"metadata_url: \"{host.BaseAddress}MAAS/metadata/curtin/\"", preseed, StringComparison.Ordinal);
        Assert.Contains("mode: \"reboot\"", preseed, StringComparison.Ordinal);
        Assert.Contains("condition: \"test ! -e /tmp/block-reboot\"", preseed, StringComparison.Ordinal);
        Assert.Contains($"endpoint: \"{host.BaseAddress}MAAS/metadata/status/{sid}\"", preseed, StringComparison.Ordinal);

        using (HttpResponseMessage id = await node.GetAsync("MAAS/metadata/curtin/2012-03-01/meta-data/instance-id"))
        {
            Assert.Equal(sid, await BodyAsync(id));
        }

        using (HttpResponseMessage curtin = await node.GetAsync("MAAS/metadata/curtin/2012-03-01/user-data"))
        {
            Assert.Equal(HttpStatusCode.OK, curtin.StatusCode);
            Assert.Equal("application/octet-stream", curtin.ContentType()?.MediaType);
        }

        Assert.Equal(MachineStatus.Deploying, (await host.ReloadAsync(sid)).Status);
        using (HttpResponseMessage start = await node.ReportAsync(host, sid, "curtin", "start", "cmd-install", description: "curtin command install"))
        {
            Assert.Equal(HttpStatusCode.NoContent, start.StatusCode);
        }

        using (HttpResponseMessage stage = await node.ReportAsync(host, sid, "curtin", "finish", "cmd-install/stage-partitioning", "SUCCESS", "configuring storage"))
        {
            Assert.Equal(HttpStatusCode.NoContent, stage.StatusCode);
        }

        // curtin's late command turns network boot off; the next boot is from the disk.
        using (HttpClient anonymous = host.Anonymous())
        using (HttpResponseMessage off = await anonymous.PostAsync($"MAAS/metadata/latest/by-id/{sid}/", new FormUrlEncodedContent([new("op", "netboot_off")]), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        Machine installed = await host.ReloadAsync(sid);
        Assert.False(installed.Netboot);
        Assert.Equal(BootPurpose.Local, BootPurposes.For(BootRecordOf(installed)));
        using (HttpResponseMessage done = await node.ReportAsync(host, sid, "curtin", "finish", "cmd-install", "SUCCESS", "curtin command install"))
        {
            Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        }

        Assert.Equal(MachineStatus.Deploying, (await host.ReloadAsync(sid)).Status);

        // The deployed OS's cloud-init (DataSourceMAAS): meta-data, then user-data, which ends the deployment.
        using (HttpResponseMessage keys = await node.GetAsync("MAAS/metadata/2012-03-01/meta-data/public-keys"))
        {
            Assert.Equal(key, await BodyAsync(keys));
        }

        using (HttpResponseMessage vendor = await node.GetAsync("MAAS/metadata/2012-03-01/meta-data/vendor-data"))
        {
            Assert.Equal(HttpStatusCode.OK, vendor.StatusCode);
        }

        using (HttpResponseMessage data = await node.GetAsync("MAAS/metadata/2012-03-01/user-data"))
        {
            Assert.Equal(HttpStatusCode.OK, data.StatusCode);
            Assert.Equal("application/octet-stream", data.ContentType()?.MediaType);
            Assert.Equal(UserData, await BodyAsync(data));
        }

        Machine deployed = await host.ReloadAsync(sid);
        Assert.Equal(MachineStatus.Deployed, deployed.Status);
        using (HttpResponseMessage final = await node.ReportAsync(host, sid, "cloudinit", "finish", StatusMessages.ModulesFinal, "SUCCESS", "running modules for final"))
        {
            Assert.Equal(HttpStatusCode.NoContent, final.StatusCode);
        }

        Assert.Equal(MachineStatus.Deployed, (await host.ReloadAsync(sid)).Status);
        List<(string Type, string Description)> events = await host.EventsAsync(user, sid);
        Assert.Contains(("Deployed", "ubuntu/noble"), events);
        Assert.Contains(("Node status event", "'cmd-install' curtin command install"), events);
    }

    [Fact]
    public async Task A_failing_installer_report_fails_the_deployment_with_maas_message()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.OpAsync(user, machine.SystemId, "deploy");
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);

        using (HttpResponseMessage failed = await node.ReportAsync(host, machine.SystemId, "curtin", "finish", "cmd-install", "FAIL", "curtin command install"))
        {
            Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);
        }

        Machine reloaded = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.FailedDeployment, reloaded.Status);
        Assert.Equal("Installation failed (refer to the installation log for more information).", reloaded.ErrorDescription);
        List<(string Type, string Description)> events = await host.EventsAsync(user, machine.SystemId);
        Assert.Contains(("Node status event", "'cmd-install' curtin command install"), events);
        Assert.Contains(events, e => e.Description == reloaded.ErrorDescription);
    }

    [Fact]
    public async Task A_machine_that_never_calls_back_fails_after_twice_node_timeout()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.OpAsync(user, machine.SystemId, "deploy");
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        DateTime started = TimeProvider.System.GetUtcNow().UtcDateTime;

        var early = new FakeTimeProvider(new DateTimeOffset(started.AddMinutes(LifecycleSettings.DefaultNodeTimeout + 5), TimeSpan.Zero));
        Assert.DoesNotContain(machine.SystemId, await new StatusMonitor(store, LifecycleSettings.Default, early).RunOnceAsync(Ct));
        Assert.Equal(MachineStatus.Deploying, (await host.ReloadAsync(machine.SystemId)).Status);

        var late = new FakeTimeProvider(new DateTimeOffset(started.AddMinutes((2 * LifecycleSettings.DefaultNodeTimeout) + 1), TimeSpan.Zero));
        Assert.Contains(machine.SystemId, await new StatusMonitor(store, LifecycleSettings.Default, late).RunOnceAsync(Ct));
        Machine reloaded = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.FailedDeployment, reloaded.Status);
        Assert.Equal("time-out during deployment", reloaded.ErrorDescription);
        Assert.Contains(("Marking node failed", "time-out during deployment"), await host.EventsAsync(user, machine.SystemId));
    }

    /// <summary>
    /// A deployment to memory of an image MAAS can run from memory (a squashfs here): the machine shows
    /// <c>ephemeral_deploy</c> true, boots the ephemeral OS (also once DEPLOYED: it has no disk to boot), whose
    /// preseed is the commissioning kind without power_state; its user-data read ends the deployment; release clears
    /// <c>ephemeral_deploy</c>.
    /// </summary>
    [Fact]
    public async Task Deploying_to_memory_boots_the_ephemeral_os_which_stays_on_and_is_deployed()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.AddDeployImageAsync("ubuntu/jammy", Core.BootResources.BootResourceFileTypes.Squashfs);
        JsonNode deployingJson = await host.OpAsync(user, machine.SystemId, "deploy", ("distro_series", "ubuntu/jammy"), ("ephemeral_deploy", "true"), ("user_data", Convert.ToBase64String("#!/bin/sh\necho hi\n"u8.ToArray())));
        Assert.Equal(("Deploying", true), (deployingJson["status_name"]!.GetValue<string>(), deployingJson["ephemeral_deploy"]!.GetValue<bool>()));
        Machine deploying = await host.ReloadAsync(machine.SystemId);
        Assert.True(deploying.EphemeralDeploy);
        Assert.Equal(BootPurpose.Xinstall, BootPurposes.For(BootRecordOf(deploying)));

        (RemoteScriptsClient node, string preseed) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        Assert.Contains($"metadata_url: \"{host.BaseAddress}MAAS/metadata/\"", preseed, StringComparison.Ordinal);
        Assert.DoesNotContain("power_state", preseed, StringComparison.Ordinal);

        using (HttpResponseMessage data = await node.GetAsync("MAAS/metadata/2012-03-01/user-data"))
        {
            Assert.Equal("#!/bin/sh\necho hi\n", await BodyAsync(data));
        }

        Machine deployed = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.Deployed, deployed.Status);
        Assert.Equal(BootPurpose.Xinstall, BootPurposes.For(BootRecordOf(deployed)));
        Assert.Contains(("Deployed", "ubuntu/jammy"), await host.EventsAsync(user, machine.SystemId));

        JsonNode released = await host.OpAsync(user, machine.SystemId, "release");
        Assert.False(released["ephemeral_deploy"]!.GetValue<bool>());
    }

    /// <summary>
    /// The report Ingot's agent sends when the root tarball of a deployment to memory cannot be run
    /// (scripts/ephemeral/ingot/memory-root.sh: a failed top-level <c>memory-root</c> stage with the reason) fails the
    /// deployment with MAAS's message; the reason is the node event; the machine keeps its owner and <c>ephemeral_deploy</c>.
    /// </summary>
    [Fact]
    public async Task A_root_tarball_that_cannot_be_run_in_memory_fails_the_deployment_with_the_reason_as_event()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.AddDeployImageAsync("custom/memtgz", Core.BootResources.BootResourceFileTypes.RootTgz);
        await host.OpAsync(user, machine.SystemId, "deploy", ("distro_series", "custom/memtgz"), ("ephemeral_deploy", "true"));
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        const string Reason = "the root tarball does not fit in memory: it unpacks to more than the 412 MiB available";

        using (HttpResponseMessage failed = await node.ReportAsync(host, machine.SystemId, "cloudinit", "finish", "memory-root", "FAIL", Reason))
        {
            Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);
        }

        Machine reloaded = await host.ReloadAsync(machine.SystemId);
        Assert.Equal((MachineStatus.FailedDeployment, true, user.Username), (reloaded.Status, reloaded.EphemeralDeploy, reloaded.Owner));
        Assert.Equal("Installation failed (refer to the installation log for more information).", reloaded.ErrorDescription);
        List<(string Type, string Description)> events = await host.EventsAsync(user, machine.SystemId);
        Assert.Contains(("Node status event", $"'memory-root' {Reason}"), events);
        Assert.Contains(events, e => e.Description == reloaded.ErrorDescription);
    }

    /// <summary>MAAS's deploy op stores <c>ephemeral_deploy or is_diskless</c>: a diskless machine deploys to memory unasked.</summary>
    [Fact]
    public async Task A_diskless_machine_deployed_without_asking_is_deployed_to_memory()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user, diskless: true);
        await host.AddDeployImageAsync("ubuntu/jammy", Core.BootResources.BootResourceFileTypes.Squashfs);

        JsonNode deploying = await host.OpAsync(user, machine.SystemId, "deploy", ("distro_series", "ubuntu/jammy"));

        Assert.Equal(("Deploying", true), (deploying["status_name"]!.GetValue<string>(), deploying["ephemeral_deploy"]!.GetValue<bool>()));
        Assert.True((await host.ReloadAsync(machine.SystemId)).IsEphemeralDeployment);
    }

    [Fact]
    public async Task Abort_returns_a_deploying_machine_to_allocated()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.OpAsync(user, machine.SystemId, "deploy", ("user_data", Convert.ToBase64String("x"u8.ToArray())));
        JsonNode aborted = await host.OpAsync(user, machine.SystemId, "abort");
        Assert.Equal("Allocated", aborted["status_name"]!.GetValue<string>());
        Assert.Equal(user.Username, (await host.ReloadAsync(machine.SystemId)).Owner);
    }
}
