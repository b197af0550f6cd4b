using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Ingot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// BMC enlistment and sharing as MAAS does them: a machine added with IPMI parameters only, a machine
/// enlisting with a known BMC address, machines behind one chassis BMC sharing its BMC-scoped
/// parameters while node-scoped ones stay per machine, and who may change them.
/// </summary>
public sealed class BmcSharingTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_adds_a_machine_with_only_ipmi_parameters_and_no_mac_or_architecture()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string address = RandomAddress();
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("power_type", "ipmi"), ("power_parameters_power_address", address),
            ("power_parameters_power_user", "ADMIN"), ("power_parameters_power_pass", "secret"));
        var json = await response.OkJsonAsync();
        Assert.Equal("Commissioning", json.Str("status_name"));
        Assert.Equal("ipmi", json.Str("power_type"));
        Assert.Empty(json.GetProperty("interface_set").EnumerateArray());

        Machine stored = (await host.FindAsync(json.Str("system_id")))!;
        Assert.Equal(address, stored.PowerParameters["power_address"]);
        Assert.NotNull(stored.BmcId);
    }

    [Theory]
    [InlineData("redfish")]
    [InlineData("manual")]
    public async Task Only_ipmi_may_be_added_without_macs_and_architecture(string powerType)
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string hostname = $"nomac-{Guid.NewGuid():N}"[..14];
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("hostname", hostname), ("power_type", powerType), ("power_parameters_skip_check", "true"),
            ("power_parameters_power_address", RandomAddress()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string body = await response.TextAsync();
        Assert.Contains("\"architecture\":[\"This field is required.\"]", body, StringComparison.Ordinal);
        Assert.Contains("\"mac_addresses\":[\"This field is required.\"]", body, StringComparison.Ordinal);
        IReadOnlyList<Machine> all = await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct);
        Assert.DoesNotContain(all, m => m.Hostname == hostname);
    }

    [Fact]
    public async Task A_machine_enlisting_with_a_known_bmc_address_is_the_machine_added_with_it()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string address = RandomAddress();
        using var added = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("power_type", "ipmi"), ("power_parameters_power_address", address), ("commission", "false"));
        string systemId = (await added.OkJsonAsync()).Str("system_id");

        // What the ephemeral environment sends after its BMC script created the "ingot" user.
        string mac = MachineSeeds.RandomMac().ToString();
        using var enlisted = await host.Anonymous().PostAsync(MachineRequests.Machines, new FormUrlEncodedContent(
            [new("architecture", "amd64"), new("mac_addresses", mac), new("commission", "True"), new("power_type", "ipmi"),
             new("power_parameters", $$"""{"power_address": "{{address}}", "power_user": "ingot", "power_pass": "Gen3rated", "power_driver": "LAN_2_0"}""")]), Ct);
        Assert.Equal(systemId, (await enlisted.OkJsonAsync()).Str("system_id"));

        Machine stored = (await host.FindAsync(systemId))!;
        Assert.Equal("ingot", stored.PowerParameters["power_user"]);
        Assert.Equal("Gen3rated", stored.PowerParameters["power_pass"]);
        Assert.Equal("amd64/generic", stored.Architecture);
        IReadOnlyList<Machine> all = await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct);
        Assert.Single(all, m => m.PowerParameters.GetValueOrDefault("power_address") == address);
    }

    [Fact]
    public async Task Machines_behind_one_redfish_chassis_share_its_bmc_and_a_password_change_reaches_all()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string address = $"https://{RandomAddress()}";
        string first = await AddRedfishAsync(admin, address, "old-pass", "1");
        string second = await AddRedfishAsync(admin, address, "old-pass", "2");
        Machine a = (await host.FindAsync(first))!, b = (await host.FindAsync(second))!;
        Assert.NotNull(a.BmcId);
        Assert.Equal(a.BmcId, b.BmcId);
        Assert.Equal(1, await BmcCountAsync(address));

        using var update = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(first),
            new FormUrlEncodedContent([new("power_parameters_power_pass", "new-pass")]), Ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        b = (await host.FindAsync(second))!;
        Assert.Equal("new-pass", b.PowerParameters["power_pass"]);
        Assert.Equal("2", b.PowerParameters["node_id"]);
        using var shown = await host.Client(admin.ApiKey).GetPathAsync($"{MachineRequests.Item(second)}?op=power_parameters");
        var parameters = await shown.OkJsonAsync();
        Assert.Equal("new-pass", parameters.Str("power_pass"));
        Assert.Equal(address, parameters.Str("power_address"));
        Assert.Equal(1, await BmcCountAsync(address));
    }

    [Fact]
    public async Task A_node_scoped_parameter_stays_with_its_machine_and_the_bmc_stays_shared()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string address = $"https://{RandomAddress()}";
        string first = await AddRedfishAsync(admin, address, "pass", "1");
        string second = await AddRedfishAsync(admin, address, "pass", "2");

        using var update = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(first),
            new FormUrlEncodedContent([new("power_parameters_node_id", "7")]), Ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        Machine a = (await host.FindAsync(first))!, b = (await host.FindAsync(second))!;
        Assert.Equal("7", a.PowerParameters["node_id"]);
        Assert.Equal("2", b.PowerParameters["node_id"]);
        Assert.Equal(a.BmcId, b.BmcId);
    }

    [Fact]
    public async Task A_machine_given_another_power_type_leaves_the_shared_bmc_to_the_others()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string address = $"https://{RandomAddress()}";
        string first = await AddRedfishAsync(admin, address, "pass", "1");
        string second = await AddRedfishAsync(admin, address, "pass", "2");

        using var update = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(first),
            new FormUrlEncodedContent([new("power_type", "manual")]), Ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        Machine a = (await host.FindAsync(first))!, b = (await host.FindAsync(second))!;
        Assert.Equal("manual", a.PowerType);
        Assert.Empty(a.PowerParameters);
        Assert.NotEqual(a.BmcId, b.BmcId);
        Assert.Equal("redfish", b.PowerType);
        Assert.Equal("pass", b.PowerParameters["power_pass"]);
        Assert.Equal(1, await BmcCountAsync(address));
    }

    [Fact]
    public async Task Ipmi_machines_with_the_same_parameters_each_get_a_bmc_of_their_own()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string address = RandomAddress();
        string[] ids = new string[2];
        for (int i = 0; i < ids.Length; i++)
        {
            using var added = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
                ("power_type", "ipmi"), ("power_parameters_power_address", address), ("power_parameters_power_pass", "same"), ("commission", "false"));
            ids[i] = (await added.OkJsonAsync()).Str("system_id");
        }

        using var update = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(ids[0]),
            new FormUrlEncodedContent([new("power_parameters_power_pass", "changed")]), Ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        Machine a = (await host.FindAsync(ids[0]))!, b = (await host.FindAsync(ids[1]))!;
        Assert.NotEqual(a.BmcId, b.BmcId);
        Assert.Equal("changed", a.PowerParameters["power_pass"]);
        Assert.Equal("same", b.PowerParameters["power_pass"]);
        Assert.Equal(2, await BmcCountAsync(address));
    }

    [Fact]
    public async Task Only_an_admin_changes_a_shared_bmc_and_a_refused_change_reaches_no_machine()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        string address = $"https://{RandomAddress()}";
        string first = await AddRedfishAsync(admin, address, "pass", "1");
        string second = await AddRedfishAsync(admin, address, "pass", "2");

        using var byUser = await host.Client(user.ApiKey).PutAsync(MachineRequests.Item(first),
            new FormUrlEncodedContent([new("power_parameters_power_pass", "stolen")]), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        using var anonymous = await host.Anonymous().PutAsync(MachineRequests.Item(first),
            new FormUrlEncodedContent([new("power_parameters_power_pass", "stolen")]), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var shown = await host.Client(user.ApiKey).GetPathAsync($"{MachineRequests.Item(second)}?op=power_parameters");
        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);

        Assert.Equal("pass", (await host.FindAsync(first))!.PowerParameters["power_pass"]);
        Assert.Equal("pass", (await host.FindAsync(second))!.PowerParameters["power_pass"]);
    }

    [Fact]
    public async Task A_bad_bmc_change_is_400_and_reaches_no_machine()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        string address = $"https://{RandomAddress()}";
        string first = await AddRedfishAsync(admin, address, "pass", "1");
        string second = await AddRedfishAsync(admin, address, "pass", "2");

        using var update = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(first),
            new FormUrlEncodedContent([new("power_parameters_power_pass", "new"), new("power_parameters_nonsense", "x")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.Equal("pass", (await host.FindAsync(second))!.PowerParameters["power_pass"]);
    }

    private async Task<string> AddRedfishAsync(ApiUser admin, string address, string password, string nodeId)
    {
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("commission", "false"),
            ("power_type", "redfish"), ("power_parameters_power_address", address), ("power_parameters_power_user", "admin"),
            ("power_parameters_power_pass", password), ("power_parameters_node_id", nodeId));
        return (await response.OkJsonAsync()).Str("system_id");
    }

    private async Task<int> BmcCountAsync(string address)
    {
        await using IngotDbContext db = host.Services.GetRequiredService<IngotDatabase>().CreateDbContext();
        return await db.Bmcs.CountAsync(b => b.PowerAddress == address, Ct);
    }

    private static string RandomAddress() => $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}";
}
