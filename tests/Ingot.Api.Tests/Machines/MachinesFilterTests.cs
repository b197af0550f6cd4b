using System.Net;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// The MAAS read filters of <c>GET machines/</c> through HTTP, each against two machines in a zone of their own
/// (MachinesListTests has zone, tags and status; the whole vocabulary is in Core's MachineFilterTests).
/// </summary>
public sealed class MachinesFilterTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<(string Zone, Machine Target, Machine Other, HttpClient Client)> TwoAsync()
    {
        ApiUser user = await host.CreateUserAsync();
        string zone = await host.ZoneAsync();
        Machine target = await host.ReadyAsync(m =>
        {
            m.Zone = zone;
            m.CpuCount = 16;
            m.Memory = 65536;
            m.AgentName = "agent-" + zone;
        });
        Machine other = await host.ReadyAsync(m => m.Zone = zone);
        return (zone, target, other, host.Client(user.ApiKey));
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string zone, string query)
    {
        using var response = await client.GetPathAsync($"{MachineRequests.Machines}?zone={zone}&{query}");
        return [.. (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id"))];
    }

    [Fact]
    public async Task Hostname_mac_id_agent_name_cpu_and_memory_pick_the_one_machine_and_not_forms_the_other()
    {
        (string zone, Machine target, Machine other, HttpClient client) = await TwoAsync();
        using (client)
        {
            Assert.Equal([target.SystemId], await IdsAsync(client, zone, $"hostname={target.Hostname}"));
            Assert.Equal([other.SystemId], await IdsAsync(client, zone, $"not_hostname={target.Hostname}"));
            Assert.Equal([target.SystemId], await IdsAsync(client, zone, $"mac_address={target.Interfaces[0].MacAddress}"));
            Assert.Equal([target.SystemId], await IdsAsync(client, zone, $"id={target.SystemId}"));
            Assert.Equal([other.SystemId], await IdsAsync(client, zone, $"not_id={target.SystemId}"));
            Assert.Equal([target.SystemId], await IdsAsync(client, zone, $"agent_name=agent-{zone}"));
            Assert.Equal([target.SystemId], await IdsAsync(client, zone, "cpu_count=8"));
            Assert.Equal([target.SystemId], await IdsAsync(client, zone, "mem=32768"));
        }
    }

    [Fact]
    public async Task Domain_pool_and_arch_filters_and_their_negations()
    {
        (string zone, Machine target, Machine other, HttpClient client) = await TwoAsync();
        using (client)
        {
            string[] both = [target.SystemId, other.SystemId];
            Assert.Equal(both, await IdsAsync(client, zone, "domain=maas"));
            Assert.Empty(await IdsAsync(client, zone, "not_domain=maas"));
            Assert.Equal(both, await IdsAsync(client, zone, "pool=default"));
            Assert.Empty(await IdsAsync(client, zone, "not_in_pool=default"));
            Assert.Equal(both, await IdsAsync(client, zone, "arch=amd64"));
            Assert.Empty(await IdsAsync(client, zone, "not_in_zone=" + zone));
        }
    }

    [Theory]
    [InlineData("mac_address=zz", """{"mac_address":["Invalid MAC address(es): zz."]}""")]
    [InlineData("cpu_count=many", """{"cpu_count":["Invalid CPU count: number required."]}""")]
    [InlineData("pool=nopool", """{"pool":["No such pool(s): nopool."]}""")]
    public async Task Bad_filter_values_are_400_field_dicts(string query, string body)
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var response = await client.GetPathAsync($"{MachineRequests.Machines}?{query}");
        Assert.Equal((HttpStatusCode.BadRequest, "application/json; charset=utf-8", body), (response.StatusCode, response.ContentType(), await response.TextAsync()));
    }
}
