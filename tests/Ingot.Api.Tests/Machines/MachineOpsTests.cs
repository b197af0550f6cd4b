using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

public sealed class MachineOpsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deploy_with_the_maas_cli_answers_Deploying_with_the_series()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.AllocatedAsync(user);
        await Deployment.DeploySeeds.PrepareDeployAsync(host, machine.SystemId, "ubuntu/jammy");
        using var response = await host.Client(user.ApiKey).PostCliAsync(MachineRequests.Item(machine.SystemId), "deploy",
            ("distro_series", "ubuntu/jammy"), ("user_data", Convert.ToBase64String("#cloud-config\n"u8.ToArray())), ("hwe_kernel", "hwe-22.04"), ("comment", "go"));
        var json = await response.OkJsonAsync();
        Assert.Equal(9, json.GetProperty("status").GetInt32());
        Assert.Equal("Deploying", json.Str("status_name"));
        Assert.Equal("ubuntu", json.Str("osystem"));
        Assert.Equal("jammy", json.Str("distro_series"));
        Assert.Equal("hwe-22.04", json.Str("hwe_kernel"));
    }

    [Fact]
    public async Task Deploy_of_a_ready_machine_allocates_it_to_the_caller_first()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        await Deployment.DeploySeeds.PrepareDeployAsync(host, machine.SystemId, "ubuntu/jammy");
        using var response = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "deploy", ("distro_series", "jammy"));
        var json = await response.OkJsonAsync();
        Assert.Equal("Deploying", json.Str("status_name"));
        Assert.Equal(user.Username, json.Str("owner"));
    }

    [Fact]
    public async Task Deploy_refuses_a_new_machine_with_409_and_bad_user_data_with_400()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.NewAsync();
        using HttpClient client = host.Client(admin.ApiKey);
        using var conflict = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "deploy");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Can't deploy a machine that is in the 'New' state", await conflict.TextAsync());

        Machine ready = await host.ReadyAsync();
        using var bad = await client.PostOpAsync(MachineRequests.Item(ready.SystemId), "deploy", ("user_data", "not base64!"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(MachineStatus.Ready, (await host.FindAsync(ready.SystemId))!.Status);
    }

    [Theory]
    [InlineData("false", "Ready")]
    [InlineData("true", "Disk erasing")]
    public async Task Release_answers_the_new_status_straight_away(string erase, string status)
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.DeployingAsync(user);
        using var response = await host.Client(user.ApiKey).PostCliAsync(MachineRequests.Item(machine.SystemId), "release", ("erase", erase), ("comment", "done"));
        Assert.Equal(status, (await response.OkJsonAsync()).Str("status_name"));
    }

    [Fact]
    public async Task Release_of_a_new_machine_is_409()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.NewAsync();
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "release");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Machine cannot be released in its current state ('New').", await response.TextAsync());
    }

    [Fact]
    public async Task Commission_is_for_admins_and_a_wrong_state_is_MAAS_form_error()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        Machine ready = await host.ReadyAsync();
        using var refused = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(ready.SystemId), "commission");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var ok = await host.Client(admin.ApiKey).PostCliAsync(MachineRequests.Item(ready.SystemId), "commission", ("enable_ssh", "1"), ("skip_networking", "true"));
        Assert.Equal("Commissioning", (await ok.OkJsonAsync()).Str("status_name"));

        Machine deploying = await host.DeployingAsync(admin);
        using var wrong = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(deploying.SystemId), "commission");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("""{"__all__":["Commission is not available because of the current state of the node."]}""", await wrong.TextAsync());
    }

    [Fact]
    public async Task Test_then_abort_returns_the_machine_to_ready()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.ReadyAsync();
        using HttpClient client = host.Client(admin.ApiKey);
        using var testing = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "test");
        Assert.Equal("Testing", (await testing.OkJsonAsync()).Str("status_name"));
        using var aborted = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "abort", ("comment", "stop"));
        Assert.Equal("Ready", (await aborted.OkJsonAsync()).Str("status_name"));
    }

    [Fact]
    public async Task Mark_broken_needs_the_owner_and_mark_fixed_an_admin()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.AllocatedAsync(user);
        using var notOwner = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "mark_broken", ("comment", "smoke"));
        Assert.Equal(HttpStatusCode.Forbidden, notOwner.StatusCode);

        using var broken = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "mark_broken", ("error_description", "smoke"));
        var json = await broken.OkJsonAsync();
        Assert.Equal(8, json.GetProperty("status").GetInt32());
        Assert.Equal("smoke", json.Str("error_description"));

        using var userFix = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "mark_fixed");
        Assert.Equal(HttpStatusCode.Forbidden, userFix.StatusCode);
        using var fixedByAdmin = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "mark_fixed");
        Assert.Equal("Ready", (await fixedByAdmin.OkJsonAsync()).Str("status_name"));
    }

    [Fact]
    public async Task A_locked_machine_refuses_edits_with_403_until_unlocked()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.DeployingAsync(user);
        using HttpClient client = host.Client(user.ApiKey);
        using var locked = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "lock", ("comment", "keep"));
        Assert.True((await locked.OkJsonAsync()).GetProperty("locked").GetBoolean());
        using var again = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "lock");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Machine is already locked", await again.TextAsync());
        using var release = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "release");
        Assert.Equal(HttpStatusCode.Forbidden, release.StatusCode);
        Assert.Equal(MachineStatus.Deploying, (await host.FindAsync(machine.SystemId))!.Status);

        using var unlocked = await client.PostOpAsync(MachineRequests.Item(machine.SystemId), "unlock");
        Assert.False((await unlocked.OkJsonAsync()).GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task Rescue_mode_and_exit_are_admin_ops()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var refused = await host.Client(user.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "rescue_mode");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var entering = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "rescue_mode");
        Assert.Equal(17, (await entering.OkJsonAsync()).GetProperty("status").GetInt32());
        using var exit = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Item(machine.SystemId), "exit_rescue_mode");
        Assert.Equal(HttpStatusCode.OK, exit.StatusCode);
        Assert.NotEqual(MachineStatus.EnteringRescueMode, (await host.FindAsync(machine.SystemId))!.Status);
    }

    [Fact]
    public async Task Override_failed_testing_readies_a_failed_machine_and_refuses_a_ready_one()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine ready = await host.ReadyAsync();
        using HttpClient client = host.Client(admin.ApiKey);
        using var refused = await client.PostOpAsync(MachineRequests.Item(ready.SystemId), "override_failed_testing");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Unable to override node status. Node is not in 'Failed testing' status.", await refused.TextAsync());

        Machine failed = await host.ReadyAsync(m =>
        {
            m.TransitionTo(MachineStatus.Testing, m.Updated);
            m.TransitionTo(MachineStatus.FailedTesting, m.Updated);
        });
        using var overridden = await client.PostOpAsync(MachineRequests.Item(failed.SystemId), "override_failed_testing", ("comment", "fine"));
        Assert.Equal("Ready", (await overridden.OkJsonAsync()).Str("status_name"));
    }

    [Fact]
    public async Task Power_on_needs_an_owner_and_power_off_takes_a_stop_mode()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine ready = await host.ReadyAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var unowned = await client.PostOpAsync(MachineRequests.Item(ready.SystemId), "power_on");
        Assert.Equal(HttpStatusCode.Conflict, unowned.StatusCode);
        Assert.Equal("Can't start node: it hasn't been allocated.", await unowned.TextAsync());

        Machine mine = await host.AllocatedAsync(user);
        using var on = await client.PostOpAsync(MachineRequests.Item(mine.SystemId), "power_on", ("comment", "up"));
        Assert.Equal("Deploying", (await on.OkJsonAsync()).Str("status_name"));
        using var off = await client.PostOpAsync(MachineRequests.Item(mine.SystemId), "power_off", ("stop_mode", "soft"));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        using var bogus = await client.PostOpAsync(MachineRequests.Item(mine.SystemId), "power_off", ("stop_mode", "gentle"));
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Equal("""{"stop_mode":["Select a valid choice. gentle is not one of the available choices."]}""", await bogus.TextAsync());
    }

    [Fact]
    public async Task Query_power_state_answers_the_stored_state()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var response = await host.Client(user.ApiKey).GetPathAsync($"{MachineRequests.Item(machine.SystemId)}?op=query_power_state");
        Assert.Equal("""{"state":"off"}""", await response.TextAsync());
    }

    [Fact]
    public async Task Power_parameters_and_token_are_for_admins_only()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync(m => m.PowerParameters["power_pass"] = "secret");
        foreach (string op in new[] { "power_parameters", "get_token" })
        {
            using var refused = await host.Client(user.ApiKey).GetPathAsync($"{MachineRequests.Item(machine.SystemId)}?op={op}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var parameters = await host.Client(admin.ApiKey).GetPathAsync($"{MachineRequests.Item(machine.SystemId)}?op=power_parameters");
        Assert.Equal("secret", (await parameters.OkJsonAsync()).Str("power_pass"));
        using var token = await host.Client(admin.ApiKey).GetPathAsync($"{MachineRequests.Item(machine.SystemId)}?op=get_token");
        Assert.Equal("null", await token.TextAsync());
    }

    [Fact]
    public async Task Details_is_a_bson_document_with_null_lldp_and_lshw()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine machine = await host.ReadyAsync();
        using var response = await host.Client(user.ApiKey).GetPathAsync($"{MachineRequests.Item(machine.SystemId)}?op=details");
        Assert.Equal("application/bson", response.ContentType());
        byte[] expected = [17, 0, 0, 0, 0x0A, .. "lldp"u8, 0, 0x0A, .. "lshw"u8, 0, 0];
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Curtin_config_is_refused_outside_deployment_and_yaml_during_it()
    {
        ApiUser user = await host.CreateUserAsync();
        Machine ready = await host.ReadyAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var refused = await client.GetPathAsync($"{MachineRequests.Item(ready.SystemId)}?op=get_curtin_config");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal($"Machine {ready.Hostname} is not in a deployment state.", await refused.TextAsync());

        Machine deploying = await host.DeployingAsync(user);
        using var yaml = await client.GetPathAsync($"{MachineRequests.Item(deploying.SystemId)}?op=get_curtin_config");
        Assert.Equal("text/plain; charset=utf-8", yaml.ContentType());
        Assert.Contains("install:\n", await yaml.TextAsync(), StringComparison.Ordinal);
    }
}
