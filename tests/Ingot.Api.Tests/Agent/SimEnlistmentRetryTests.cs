using System.Net;
using Ingot.Sim.Ephemeral;

namespace Ingot.Api.Tests.Agent;

/// <summary>
/// The simulated ephemeral environment's metadata client (<see cref="MetadataClient"/>, whose
/// <c>PostFormAsync</c> is the anonymous <c>machines create</c> of its enlistment) against a loopback region in
/// trouble (<see cref="FlakyRegion"/>): 5xx answers and refused connections are asked again (a 503's
/// Retry-After honoured) within two minutes of waiting; a 4xx is the answer. Waits are recorded, not waited.
/// </summary>
public sealed class SimEnlistmentRetryTests
{
    private static readonly (string, string)[] s_enlistment = [("architecture", "amd64/generic"), ("mac_addresses", "52:54:00:aa:00:01"), ("commission", "True")];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sim_enlists_once_machines_create_stops_answering_503_and_502_and_honours_retry_after()
    {
        await using var region = new FlakyRegion((method, target, attempt) => attempt switch
        {
            1 => (503, "busy", "7"),
            2 => (502, "no upstream", null),
            _ => (200, "{\"system_id\": \"sim001\"}", null),
        });
        var time = new WaitRecordingTime();
        using var http = new HttpClient();
        var client = new MetadataClient(http, region.MetadataUrl, null, time);

        (HttpStatusCode status, string body) = await client.PostFormAsync($"http://127.0.0.1:{region.Port}/MAAS/api/2.0/machines/", s_enlistment, Ct);

        Assert.Equal((HttpStatusCode.OK, "{\"system_id\": \"sim001\"}"), (status, body));
        Assert.Equal(3, region.Count("POST", "/MAAS/api/2.0/machines/"));
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromMilliseconds(400)], time.Waits);
    }

    [Fact]
    public async Task A_4xx_from_machines_create_is_the_answer_and_is_not_retried()
    {
        await using var region = new FlakyRegion((method, target, attempt) => (400, "{\"mac_addresses\": [\"MAC address 52:54:00:aa:00:01 already in use.\"]}", null));
        var time = new WaitRecordingTime();
        using var http = new HttpClient();
        var client = new MetadataClient(http, region.MetadataUrl, null, time);

        (HttpStatusCode status, string body) = await client.PostFormAsync($"http://127.0.0.1:{region.Port}/MAAS/api/2.0/machines/", s_enlistment, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("already in use", body, StringComparison.Ordinal);
        Assert.Equal(1, region.Count("POST", "/MAAS/api/2.0/machines/"));
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task A_region_that_refuses_connections_is_given_up_after_two_minutes_of_waiting()
    {
        var time = new WaitRecordingTime();
        using var http = new HttpClient();
        int port = FlakyRegion.ClosedPort();
        var client = new MetadataClient(http, $"http://127.0.0.1:{port}/MAAS/metadata/", null, time);

        HttpRequestException refused = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.PostFormAsync($"http://127.0.0.1:{port}/MAAS/api/2.0/machines/", s_enlistment, Ct));

        Assert.Null(refused.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(200), time.Waits.First());
        Assert.Equal(TimeSpan.FromSeconds(10), time.Waits.Last());
        Assert.InRange(time.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b), TimeSpan.FromSeconds(100), RegionRetry.Default.Budget);
    }
}
