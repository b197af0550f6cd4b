using System.Net.Sockets;
using System.Text;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Hosting;

namespace Ingot.Api.Tests.Metadata;

/// <summary>
/// A request body that arrives late is read, not refused: Kestrel's default (240 bytes/s checked after 5 s) refused two
/// script results of the 10,000-machine storm with "408 Reading the request body timed out due to data arriving too
/// slowly" while the region itself was too busy to read them; Ingot checks the rate only after
/// <see cref="IngotWebHost.RequestBodyRate"/>'s grace period. Raw HTTP over a socket, so the pause is the client's.
/// </summary>
public sealed class SlowRequestBodyTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Body = "op=signal&status=OK";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signal_whose_body_comes_eight_seconds_after_its_head_gets_the_same_answer_as_a_prompt_one()
    {
        string prompt = await PostAsync(TimeSpan.Zero);
        string late = await PostAsync(TimeSpan.FromSeconds(8));

        Assert.DoesNotContain(" 408 ", late, StringComparison.Ordinal);
        Assert.Equal(StatusLine(prompt), StatusLine(late));
    }

    [Fact]
    public void The_rate_is_checked_after_a_minute()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), IngotWebHost.RequestBodyRate.GracePeriod);
        Assert.Equal(240, IngotWebHost.RequestBodyRate.BytesPerSecond);
    }

    private static string StatusLine(string response) => response.Split("\r\n")[0];

    /// <summary>Sends the head, waits <paramref name="pause"/>, sends the body; the response as text.</summary>
    private async Task<string> PostAsync(TimeSpan pause)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port, Ct);
        await using NetworkStream stream = client.GetStream();
        string head = $"POST /MAAS/metadata/2012-03-01/ HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        await stream.FlushAsync(Ct);
        await Task.Delay(pause, Ct);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Body), Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }
}
