using System.Net;
using Ingot.Sim.Ephemeral;

namespace Ingot.Api.Tests.Agent;

/// <summary>
/// The simulated <c>maas-run-remote-scripts</c>'s <c>signal</c> (<see cref="MetadataClient.SignalAsync"/>) when the
/// region answers 408: in the 10,000-machine storm (eleventh session) Kestrel refused two script results with
/// "408 Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.", the sim
/// took the 408 as the region's word, its runner ended, and the machines failed commissioning ten minutes later on
/// the script timeout. A 408 is a request the server never read: <c>maas_api_helper.geturl</c> asks again (it asks
/// again after any error), so the sim must too.
/// </summary>
public sealed class SimSignalRetryTests
{
    private const string KestrelRefusal = "Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_script_result_refused_with_408_is_sent_again_and_lands()
    {
        await using var region = new FlakyRegion((method, target, attempt) => attempt switch
        {
            1 => (408, KestrelRefusal, null),
            _ => (200, "OK", null),
        });
        var time = new WaitRecordingTime();
        using var http = new HttpClient();
        var client = new MetadataClient(http, region.MetadataUrl, "consumer:token:secret", time);

        await client.SignalAsync(
            "WORKING",
            [("script_result_id", "42"), ("exit_status", "0"), ("runtime", "0.5")],
            [("maas-lshw", "<list/>"u8.ToArray())],
            Ct);

        Assert.Equal(2, region.Count("POST", "/MAAS/metadata/2012-03-01/"));
        Assert.All(region.Requests, r => Assert.Contains("name=\"script_result_id\"\r\n\r\n42", r.Body, StringComparison.Ordinal));
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.Waits);
    }

    [Fact]
    public async Task A_region_that_answers_408_every_time_is_given_up_within_the_budget()
    {
        await using var region = new FlakyRegion((method, target, attempt) => (408, KestrelRefusal, null));
        var time = new WaitRecordingTime();
        using var http = new HttpClient();
        var client = new MetadataClient(http, region.MetadataUrl, "consumer:token:secret", time);

        HttpRequestException refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.SignalAsync("WORKING", ct: Ct));

        Assert.Equal(HttpStatusCode.RequestTimeout, refused.StatusCode);
        Assert.True(region.Count("POST", "/MAAS/metadata/2012-03-01/") > 2);
        Assert.InRange(time.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b), TimeSpan.FromSeconds(100), RegionRetry.Default.Budget);
    }

    [Fact]
    public async Task Other_4xx_answers_to_a_signal_are_still_the_answer()
    {
        await using var region = new FlakyRegion((method, target, attempt) => (409, "Unable to change status.", null));
        var time = new WaitRecordingTime();
        using var http = new HttpClient();
        var client = new MetadataClient(http, region.MetadataUrl, "consumer:token:secret", time);

        HttpRequestException refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.SignalAsync("WORKING", ct: Ct));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, region.Count("POST", "/MAAS/metadata/2012-03-01/"));
        Assert.Empty(time.Waits);
    }
}
