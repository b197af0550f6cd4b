using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Sim.Ephemeral;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Agent;

/// <summary>
/// The simulated machine's enlistment (<see cref="MetadataClient"/>) through a loopback relay
/// (<see cref="FlakyRegion"/>) in front of a real Ingot: a 500 before the region did anything is asked again
/// and enlists once; a 500 <em>after</em> the region created the machine (the answer lost, as when a region
/// fails while answering) is asked again and gets the same machine back — Ingot, as MAAS's anonymous create,
/// takes a NEW or COMMISSIONING machine with one of the MACs as the one enlisting — so no second machine.
/// </summary>
public sealed class SimEnlistmentRetryOnIngotTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_500_before_the_region_created_anything_is_asked_again_and_enlists_one_machine()
    {
        MacAddress mac = MachineSeeds.RandomMac();
        await using var relay = new FlakyRegion(async (method, target, body, attempt) =>
            attempt == 1 ? (500, "Npgsql: The operation has timed out", null) : await PassOnAsync(method, target, body));

        var time = new WaitRecordingTime();
        (HttpStatusCode status, string answer) = await EnlistAsync(relay, mac, time);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, relay.Count("POST", "/MAAS/api/2.0/machines/"));
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.Waits);
        Machine machine = Assert.Single(await MachinesWithAsync(mac));
        Assert.Equal(SystemId(answer), machine.SystemId);
        Assert.Equal(MachineStatus.Commissioning, machine.Status);
    }

    [Fact]
    public async Task A_500_after_the_region_created_the_machine_is_asked_again_and_gets_the_same_machine()
    {
        MacAddress mac = MachineSeeds.RandomMac();
        string? firstAnswer = null;
        await using var relay = new FlakyRegion(async (method, target, body, attempt) =>
        {
            (int status, string answer, string? retryAfter) = await PassOnAsync(method, target, body);
            if (attempt > 1)
            {
                return (status, answer, retryAfter);
            }

            firstAnswer = answer;
            return (500, "the answer was lost", null);
        });

        (HttpStatusCode status, string answer) = await EnlistAsync(relay, mac, new WaitRecordingTime());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, relay.Count("POST", "/MAAS/api/2.0/machines/"));
        Assert.NotNull(firstAnswer);
        Assert.Equal(SystemId(firstAnswer), SystemId(answer));
        Machine machine = Assert.Single(await MachinesWithAsync(mac));
        Assert.Equal(SystemId(answer), machine.SystemId);
        Assert.Equal(MachineStatus.Commissioning, machine.Status);
    }

    private static async Task<(HttpStatusCode Status, string Body)> EnlistAsync(FlakyRegion relay, MacAddress mac, WaitRecordingTime time)
    {
        using var http = new HttpClient();
        var client = new MetadataClient(http, relay.MetadataUrl, null, time);
        return await client.PostFormAsync(
            $"http://127.0.0.1:{relay.Port}/MAAS/api/2.0/machines/",
            [("architecture", "amd64/generic"), ("mac_addresses", mac.ToString()), ("commission", "True"), ("power_type", "manual")],
            Ct);
    }

    /// <summary>The relayed request, made to the real region: its status and body.</summary>
    private async Task<(int Status, string Body, string? RetryAfter)> PassOnAsync(string method, string target, string body)
    {
        using HttpClient region = host.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), target.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        using HttpResponseMessage response = await region.SendAsync(request, Ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct), null);
    }

    private async Task<IReadOnlyList<Machine>> MachinesWithAsync(MacAddress mac)
    {
        IReadOnlyList<Machine> all = await host.Services.GetRequiredService<IMachineStore>().ListAsync(Ct);
        return [.. all.Where(m => m.Interfaces.Any(i => i.MacAddress == mac))];
    }

    private static string SystemId(string answer) => JsonNode.Parse(answer)?["system_id"]?.GetValue<string>() ?? throw new InvalidOperationException($"no system_id in {answer}");
}
