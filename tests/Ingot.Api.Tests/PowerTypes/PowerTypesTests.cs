using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.PowerTypes;

public sealed class PowerTypesTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Describe = "MAAS/api/2.0/rackcontrollers/?op=describe_power_types";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Describe_power_types_lists_the_drivers_with_maas_field_shapes()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var response = await host.Client(admin.ApiKey).GetAsync(Describe, Ct);
        JsonElement json = await response.OkJsonAsync();
        Assert.Equal(["manual", "ipmi", "redfish", "webhook"], json.EnumerateArray().Select(t => t.Str("name")));
        JsonElement ipmi = json.EnumerateArray().Single(t => t.Str("name") == "ipmi");
        Assert.Equal("power", ipmi.Str("driver_type"));
        Assert.Equal("IPMI", ipmi.Str("description"));
        Assert.True(ipmi.GetProperty("queryable").GetBoolean());
        JsonElement driver = ipmi.GetProperty("fields").EnumerateArray().First();
        Assert.Equal("power_driver", driver.Str("name"));
        Assert.Equal("Power driver", driver.Str("label"));
        Assert.Equal("choice", driver.Str("field_type"));
        Assert.Equal("LAN_2_0", driver.Str("default"));
        Assert.Equal("bmc", driver.Str("scope"));
        Assert.Equal(["LAN", "LAN [IPMI 1.5]"], driver.GetProperty("choices")[0].EnumerateArray().Select(c => c.GetString()));
        JsonElement flags = ipmi.GetProperty("fields").EnumerateArray().Single(f => f.Str("name") == "workaround_flags");
        Assert.Equal(["opensesspriv"], flags.GetProperty("default").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("power_address", ipmi.GetProperty("ip_extractor").Str("field_name"));
        Assert.False(json[0].GetProperty("queryable").GetBoolean());
    }

    [Fact]
    public async Task Describe_power_types_is_for_administrators()
    {
        ApiUser user = await host.CreateUserAsync();
        using var response = await host.Client(user.ApiKey).GetAsync(Describe, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Creating_a_machine_with_an_unknown_power_type_is_refused_and_adds_nothing()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var response = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("hostname", "no-such-power"), ("power_type", "virsh"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Select a valid choice. virsh is not one of the available choices.", errors.RootElement.GetProperty("power_type")[0].GetString());
        using var list = await host.Client(admin.ApiKey).GetAsync($"{MachineRequests.Machines}?hostname=no-such-power", Ct);
        Assert.Empty((await list.OkJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Updating_power_parameters_checks_choices_and_skip_check_stores_anything()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using var created = await host.Client(admin.ApiKey).PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("commission", "false"),
            ("power_type", "ipmi"), ("power_parameters_power_address", "10.0.0.7"));
        string systemId = (await created.OkJsonAsync()).Str("system_id");
        using var bad = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(systemId),
            new FormUrlEncodedContent([new("power_parameters_power_driver", "LAN_3_0")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("power_driver: Select a valid choice. LAN_3_0", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var skipped = await host.Client(admin.ApiKey).PutAsync(MachineRequests.Item(systemId),
            new FormUrlEncodedContent([new("power_parameters_vendor_thing", "x"), new("power_parameters_skip_check", "true")]), Ct);
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Machine stored = (await host.FindAsync(systemId))!;
        Assert.Equal("10.0.0.7", stored.PowerParameters["power_address"]);
        Assert.Equal("x", stored.PowerParameters["vendor_thing"]);
    }
}
