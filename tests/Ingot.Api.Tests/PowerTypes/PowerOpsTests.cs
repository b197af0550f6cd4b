using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Hosting;
using Ingot.Sim.Redfish;

namespace Ingot.Api.Tests.PowerTypes;

/// <summary>A host that talks to BMCs, as <c>ingot serve</c> does.</summary>
public sealed class PowerApiHost() : ApiHost(services => services.AddPowerExecution());

/// <summary>power_on, power_off and query_power_state through HTTP, carried out on Ingot's virtual Redfish BMC.</summary>
public sealed class PowerOpsTests(PowerApiHost host) : IClassFixture<PowerApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Power_on_and_off_reach_the_redfish_bmc_and_query_reads_it()
    {
        await using VirtualRedfishBmc bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { SystemCount = 2 }, Ct);
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using var created = await client.PostOpAsync(MachineRequests.Machines, "",
            ("architecture", "amd64"), ("mac_addresses", MachineSeeds.RandomMac().ToString()), ("deployed", "true"), ("power_type", "redfish"),
            ("power_parameters_power_address", bmc.BaseAddress.ToString().TrimEnd('/')), ("power_parameters_power_user", "admin"),
            ("power_parameters_power_pass", "password"), ("power_parameters_node_id", "2"));
        string systemId = (await created.OkJsonAsync()).Str("system_id");
        string item = MachineRequests.Item(systemId);
        VirtualSystem system = bmc.Systems["2"];
        string? bootedFrom = null;
        system.PowerChanged += (_, e) => bootedFrom ??= e.IsOn ? e.BootSource : null;

        Assert.Equal("off", (await (await client.GetAsync($"{item}?op=query_power_state", Ct)).OkJsonAsync()).Str("state"));

        using var on = await client.PostOpAsync(item, "power_on");
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        await WaitForAsync(() => system.IsOn, "the virtual system to be powered on by Ingot's executor");
        Assert.Equal("Pxe", bootedFrom);
        Assert.Equal("on", (await (await client.GetAsync($"{item}?op=query_power_state", Ct)).OkJsonAsync()).Str("state"));

        using var off = await client.PostOpAsync(item, "power_off");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        await WaitForAsync(() => !system.IsOn, "the virtual system to be powered off by Ingot's executor");
        Assert.False(bmc.Systems["1"].IsOn);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(condition(), $"Timed out after 10 s waiting for {what}.");
    }
}
