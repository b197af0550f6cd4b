using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;
using Ingot.Sim.Redfish;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <c>machines/?op=add_chassis</c> with Ingot's <c>redfish</c> chassis type against the simulator's virtual
/// Redfish BMC on loopback: one machine per system (redfish power parameters with node_id), NEW or
/// commissioning with accept_all, a prefix filter, nothing added twice; MAAS's other types and options
/// refused with 400 text, and every refusal adds nothing.
/// </summary>
public sealed class AddChassisTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_redfish_chassis_adds_one_new_machine_per_system_with_its_node_id()
    {
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemIds = ["sled-1", "sled-2", "sled-3"] }, Ct);
        using HttpClient admin = await AdminAsync();
        string address = bmc.BaseAddress.ToString();

        using HttpResponseMessage response = await AddAsync(admin, ("chassis_type", "redfish"), ("hostname", address), ("username", "admin"), ("password", "password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Matches($"^Asking .+ to add machines from chassis {System.Text.RegularExpressions.Regex.Escape(address)}$", await response.Content.ReadAsStringAsync(Ct));
        List<Machine> added = await OnChassisAsync(address);
        Assert.Equal(["sled-1", "sled-2", "sled-3"], added.Select(m => m.PowerParameters["node_id"]).Order());
        Assert.All(added, m =>
        {
            Assert.Equal("redfish", m.PowerType);
            Assert.Equal("admin", m.PowerParameters["power_user"]);
            Assert.Equal("password", m.PowerParameters["power_pass"]);
            Assert.Equal(MachineStatus.New, m.Status);
            Assert.Equal("amd64/generic", m.Architecture);
        });

        using HttpResponseMessage again = await AddAsync(admin, ("chassis_type", "redfish"), ("hostname", address), ("username", "admin"), ("password", "password"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, (await OnChassisAsync(address)).Count);
    }

    [Fact]
    public async Task Machines_from_a_redfish_chassis_carry_the_MACs_of_their_systems_EthernetInterfaces_and_are_found_by_them()
    {
        string tail = $"{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}";
        var macs = new Dictionary<string, IReadOnlyList<string>>
        {
            ["blade-1"] = [$"52:54:01:{tail}:10", $"52:54:01:{tail}:11"],
            ["blade-2"] = [$"52:54:01:{tail}:20"],
        };
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemIds = ["blade-1", "blade-2"], Macs = macs }, Ct);
        using HttpClient admin = await AdminAsync();
        string address = bmc.BaseAddress.ToString();

        using HttpResponseMessage response = await AddAsync(admin, ("chassis_type", "redfish"), ("hostname", address), ("username", "admin"), ("password", "password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        List<Machine> added = await OnChassisAsync(address);
        Assert.Equal(2, added.Count);
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        foreach (Machine machine in added)
        {
            IReadOnlyList<string> expected = macs[machine.PowerParameters["node_id"]];
            Assert.Equal(expected, machine.Interfaces.Select(i => i.MacAddress.ToString()));
            Machine? booting = await store.FindByMacAsync(Core.Hardware.MacAddress.Parse(expected[0]), Ct);
            Assert.Equal(machine.SystemId, booting?.SystemId);
        }
    }

    [Fact]
    public async Task Accept_all_commissions_the_machines_and_the_prefix_filter_picks_systems()
    {
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemIds = ["rack-a1", "rack-a2", "spare-1"] }, Ct);
        using HttpClient admin = await AdminAsync();
        string address = bmc.BaseAddress.ToString();

        using HttpResponseMessage response = await AddAsync(admin, ("chassis_type", "redfish"), ("hostname", address), ("username", "admin"),
            ("password", "password"), ("accept_all", "true"), ("prefix_filter", "rack-"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        List<Machine> added = await OnChassisAsync(address);
        Assert.Equal(["rack-a1", "rack-a2"], added.Select(m => m.PowerParameters["node_id"]).Order());
        Assert.All(added, m => Assert.Equal(MachineStatus.Commissioning, m.Status));
    }

    [Theory]
    [InlineData("chassis_type=bogus", "Invalid chassis_type: Value must be one of: hmcz; mscm; msftocs; powerkvm; proxmox; recs_box; sm15k; ucsm; virsh; vmware; redfish (not 'bogus')")]
    [InlineData("chassis_type=virsh&hostname=qemu+ssh://h/system", "chassis type virsh is not supported by Ingot")]
    [InlineData("chassis_type=vmware&hostname=h&username=u&password=p", "chassis type vmware is not supported by Ingot")]
    [InlineData("hostname=h", "No provided chassis_type!")]
    [InlineData("chassis_type=redfish", "No provided hostname!")]
    [InlineData("chassis_type=redfish&hostname=h&password=p", "No provided username!")]
    [InlineData("chassis_type=redfish&hostname=h&username=u&password=p&port=8443", "port is unavailable with the redfish chassis type")]
    [InlineData("chassis_type=redfish&hostname=h&username=u&password=p&power_control=ipmi", "power_control is unavailable with the redfish chassis type")]
    [InlineData("chassis_type=redfish&hostname=h&username=u&password=p&token_name=t", "token_name is unavailable with the redfish chassis type")]
    public async Task Bad_forms_get_a_400_text_and_add_nothing(string form, string message)
    {
        using HttpClient admin = await AdminAsync();
        int before = await CountAsync();

        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using HttpResponseMessage response = await admin.PostAsync($"{MachineRequests.Machines}?op=add_chassis", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_domain_and_a_normal_user_add_nothing()
    {
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemCount = 2 }, Ct);
        using HttpClient admin = await AdminAsync();
        string address = bmc.BaseAddress.ToString();

        using HttpResponseMessage wrong = await AddAsync(admin, ("chassis_type", "redfish"), ("hostname", address), ("username", "admin"), ("password", "nope"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.StartsWith($"Unable to add machines from chassis {address}: ", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using HttpResponseMessage domain = await AddAsync(admin, ("chassis_type", "redfish"), ("hostname", address), ("username", "admin"),
            ("password", "password"), ("domain", "no-such-domain"));
        Assert.Equal(HttpStatusCode.NotFound, domain.StatusCode);
        Assert.Equal("Unable to find specified domain no-such-domain", await domain.Content.ReadAsStringAsync(Ct));

        ApiUser user = await host.CreateUserAsync();
        using HttpClient asUser = host.Client(user.ApiKey);
        using HttpResponseMessage denied = await AddAsync(asUser, ("chassis_type", "redfish"), ("hostname", address), ("username", "admin"), ("password", "password"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        Assert.Empty(await OnChassisAsync(address));
    }

    private async Task<HttpClient> AdminAsync() => host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, params (string Name, string Value)[] fields) =>
        client.PostOpAsync(MachineRequests.Machines, "add_chassis", fields);

    private async Task<List<Machine>> OnChassisAsync(string address) =>
        [.. (await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct)).Where(m => m.PowerParameters.GetValueOrDefault("power_address") == address)];

    private async Task<int> CountAsync() => (await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct)).Count;
}
