using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

public sealed class MachineCreateTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_creates_a_machine_with_the_maas_cli_and_it_starts_commissioning()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string zone = await host.ZoneAsync();
        string mac1 = MachineSeeds.RandomMac().ToString(), mac2 = MachineSeeds.RandomMac().ToString();
        using var response = await host.Client(admin.ApiKey).PostCliAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", mac1), ("mac_addresses", mac2), ("hostname", "cli-made"),
            ("power_type", "ipmi"), ("power_parameters_power_address", "10.0.0.9"), ("power_parameters_power_user", "admin"),
            ("description", "rack 4"), ("zone", zone));
        var json = await response.OkJsonAsync();
        Assert.Equal(1, json.GetProperty("status").GetInt32());
        Assert.Equal("Commissioning", json.Str("status_name"));
        Assert.Equal("amd64/generic", json.Str("architecture"));
        Assert.Equal("cli-made", json.Str("hostname"));
        Assert.Equal("rack 4", json.Str("description"));
        Assert.Equal(zone, json.GetProperty("zone").Str("name"));
        Assert.Equal([mac1, mac2], json.GetProperty("interface_set").EnumerateArray().Select(i => i.Str("mac_address")));

        Machine stored = (await host.FindAsync(json.Str("system_id")))!;
        Assert.Equal("10.0.0.9", stored.PowerParameters["power_address"]);
        Assert.Equal("admin", stored.PowerParameters["power_user"]);
    }

    [Fact]
    public async Task Commission_false_leaves_an_admins_machine_new()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64/generic"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("power_type", "manual"), ("commission", "false"));
        var json = await response.OkJsonAsync();
        Assert.Equal(0, json.GetProperty("status").GetInt32());
        Assert.Equal("New", json.Str("status_name"));
    }

    [Fact]
    public async Task Deployed_true_adds_a_deployed_machine_owned_by_the_admin()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("deployed", "true"));
        var json = await response.OkJsonAsync();
        Assert.Equal(6, json.GetProperty("status").GetInt32());
        Assert.Equal(admin.Username, json.Str("owner"));
    }

    [Fact]
    public async Task A_normal_users_machine_is_new_and_admin_only_fields_are_ignored()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        using var response = await host.Client(user.ApiKey).PostCliAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("power_type", "manual"),
            ("zone", zone), ("description", "mine"));
        var json = await response.OkJsonAsync();
        Assert.Equal("New", json.Str("status_name"));
        Assert.Equal("default", json.GetProperty("zone").Str("name"));
        Assert.Equal("", json.Str("description"));
    }

    [Fact]
    public async Task A_malformed_mac_is_400_and_creates_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        int before = (await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct)).Count;
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", "00:E0:81:DD:D1:ZZ"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'00:E0:81:DD:D1:ZZ' is not a valid MAC address.", (await response.JsonAsync()).GetProperty("mac_addresses")[0].GetString());
        Assert.Equal(before, (await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task A_hostname_another_machine_has_is_maas_400_for_users_and_enlisting_machines_and_creates_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine existing = await host.NewAsync();
        int before = (await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct)).Count;

        using var byAdmin = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("hostname", existing.Hostname));
        using var anonymous = await host.Anonymous().PostAsync(MachineRequests.Machines, new FormUrlEncodedContent(
            [new("architecture", "amd64"), new("mac_addresses", MachineSeeds.RandomMac().ToString()), new("hostname", existing.Hostname)]), Ct);

        foreach (HttpResponseMessage response in new[] { byAdmin, anonymous })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("""{"hostname":["Node with this Hostname already exists."]}""", await response.TextAsync());
        }

        Assert.Equal(before, (await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task An_unknown_zone_is_400_on_the_zone_field()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("zone", "nowhere"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"zone":["Select a valid choice. That choice is not one of the available choices."]}""", await response.TextAsync());
    }

    [Fact]
    public async Task Anonymous_enlistment_with_comma_joined_macs_answers_the_anonymous_fields()
    {
        string mac1 = MachineSeeds.RandomMac().ToString(), mac2 = MachineSeeds.RandomMac().ToString();
        using var response = await host.Anonymous().PostAsync(MachineRequests.Machines, new FormUrlEncodedContent(
            [new("architecture", "amd64"), new("mac_addresses", $"{mac1},{mac2}"), new("commission", "True"),
             new("power_type", "ipmi"), new("power_parameters", """{"power_address": "10.1.1.1", "power_user": "maas"}""")]), Ct);
        var json = await response.OkJsonAsync();
        Assert.Equal("Commissioning", json.Str("status_name"));
        Assert.False(json.TryGetProperty("interface_set", out _));
        Assert.False(json.TryGetProperty("owner", out _));

        Machine stored = (await host.FindAsync(json.Str("system_id")))!;
        Assert.Equal(2, stored.Interfaces.Count);
        Assert.Equal("10.1.1.1", stored.PowerParameters["power_address"]);
    }

    [Fact]
    public async Task Is_registered_ignores_enlisting_machines_for_anonymous_callers_only()
    {
        ApiUser user = await host.CreateUserAsync();
        string mac = MachineSeeds.RandomMac().ToString();
        using var created = await host.Anonymous().PostAsync(MachineRequests.Machines, new FormUrlEncodedContent(
            [new("architecture", "amd64"), new("mac_addresses", mac), new("commission", "true")]), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        string path = $"{MachineRequests.Machines}?op=is_registered&mac_address={mac}";
        using var anonymous = await host.Anonymous().GetPathAsync(path);
        Assert.Equal("false", await anonymous.TextAsync());
        using var signed = await host.Client(user.ApiKey).GetPathAsync(path);
        Assert.Equal("true", await signed.TextAsync());
        using var inProgress = await host.Anonymous().GetPathAsync($"{MachineRequests.Machines}?op=is_action_in_progress&mac_address={mac}");
        Assert.Equal("true", await inProgress.TextAsync());
    }

    [Fact]
    public async Task Is_registered_needs_a_mac_address()
    {
        using var response = await host.Anonymous().GetPathAsync($"{MachineRequests.Machines}?op=is_registered");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No provided mac_address!", await response.TextAsync());
    }

    [Fact]
    public async Task Anonymous_accept_is_401_with_MAAS_text()
    {
        Machine machine = await host.NewAsync();
        using var response = await host.Anonymous().PostOpAsync(MachineRequests.Machines, "accept", ("machines", machine.SystemId));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("You must be logged in to accept machines.", await response.TextAsync());
        Assert.Equal(MachineStatus.New, (await host.FindAsync(machine.SystemId))!.Status);
    }
}
