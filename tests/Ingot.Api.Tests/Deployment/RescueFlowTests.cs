using System.Net;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Deployment;

/// <summary>
/// Rescue mode: the rescue environment gets the owner's keys, stays on, and its user-data (run for
/// real) signals it is up; exit goes back to the previous status. Failure branches: the environment
/// reports a failure, or never calls back.
/// </summary>
public sealed class RescueFlowTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deployed_machine_enters_rescue_mode_with_the_owners_keys_and_exits_back_to_deployed()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        string key = await host.AddSshKeyAsync(user);
        Machine machine = await host.ReadyMachineAsync(user);
        string sid = machine.SystemId;
        await host.OpAsync(user, sid, "deploy");
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, sid);
        (await node.GetAsync("MAAS/metadata/2012-03-01/user-data")).Dispose();

        JsonNode entering = await host.OpAsync(user, sid, "rescue_mode");
        Assert.Equal("Entering rescue mode", entering["status_name"]!.GetValue<string>());
        (_, string preseed) = await RemoteScriptsClient.FromPreseedAsync(host, sid);
        Assert.Contains($"metadata_url: \"{host.BaseAddress}MAAS/metadata/\"", preseed, StringComparison.Ordinal);
        Assert.DoesNotContain("power_state", preseed, StringComparison.Ordinal);
        using (HttpResponseMessage keys = await node.GetAsync("MAAS/metadata/2012-03-01/meta-data/public-keys"))
        {
            Assert.Equal(key, await keys.Content.ReadAsStringAsync(Ct));
        }

        string script;
        using (HttpResponseMessage userData = await node.GetAsync("MAAS/metadata/2012-03-01/user-data"))
        {
            Assert.Equal(HttpStatusCode.OK, userData.StatusCode);
            script = await userData.Content.ReadAsStringAsync(Ct);
        }

        (int exit, string output) = await DeploySeeds.RunShellAsync(script);
        Assert.True(exit == 0, output);
        Assert.Equal(MachineStatus.RescueMode, (await host.ReloadAsync(sid)).Status);

        JsonNode exited = await host.OpAsync(user, sid, "exit_rescue_mode");
        Assert.Equal("Deployed", exited["status_name"]!.GetValue<string>());
        Assert.Equal(user.Username, (await host.ReloadAsync(sid)).Owner);
    }

    [Fact]
    public async Task A_ready_machine_leaves_rescue_mode_unowned_and_ready()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.OpAsync(user, machine.SystemId, "rescue_mode");
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (await node.SignalAsync("OK")).EnsureSuccessStatusCode();
        Assert.Equal(MachineStatus.RescueMode, (await host.ReloadAsync(machine.SystemId)).Status);

        await host.OpAsync(user, machine.SystemId, "exit_rescue_mode");
        Machine back = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.Ready, back.Status);
        Assert.Null(back.Owner);
    }

    [Fact]
    public async Task A_rescue_environment_that_reports_failure_fails_entering_rescue_mode()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.OpAsync(user, machine.SystemId, "rescue_mode");
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (await node.SignalAsync("FAILED")).EnsureSuccessStatusCode();

        Machine failed = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.FailedEnteringRescueMode, failed.Status);
        Assert.Equal("Failed to enter rescue mode.", failed.ErrorDescription);
        Assert.Contains(("Marking node failed", "Failed to enter rescue mode."), await host.EventsAsync(user, machine.SystemId));
    }

    [Fact]
    public async Task A_rescue_environment_that_never_calls_back_times_out_after_node_timeout()
    {
        ApiUser user = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyMachineAsync(user);
        await host.OpAsync(user, machine.SystemId, "rescue_mode");
        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(LifecycleSettings.DefaultNodeTimeout + 1));
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        Assert.Contains(machine.SystemId, await new StatusMonitor(store, LifecycleSettings.Default, later).RunOnceAsync(Ct));

        Machine failed = await host.ReloadAsync(machine.SystemId);
        Assert.Equal(MachineStatus.FailedEnteringRescueMode, failed.Status);
        Assert.Equal("Node operation 'Entering rescue mode' timed out after 30 minutes.", failed.ErrorDescription);
    }
}
