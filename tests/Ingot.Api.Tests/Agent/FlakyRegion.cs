using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingot.Api.Tests.Agent;

/// <summary>
/// A tiny HTTP/1.1 server on a free loopback port standing in for a region under trouble: each request is
/// answered by <c>answer(method, path and query, attempt)</c> (attempt counts requests to the same method
/// and path, from 1) with a status, a body and an optional <c>Retry-After</c>, then the connection is closed.
/// The asynchronous answer also gets the request's body (to pass the request on to a real region first).
/// Every request is kept in <see cref="Requests"/>.
/// </summary>
internal sealed class FlakyRegion : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string, string, int, Task<(int Status, string Body, string? RetryAfter)>> _answer;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FlakyRegion(Func<string, string, int, (int Status, string Body, string? RetryAfter)> answer)
        : this((method, target, _, attempt) => Task.FromResult(answer(method, target, attempt)))
    {
    }

    public FlakyRegion(Func<string, string, string, int, Task<(int Status, string Body, string? RetryAfter)>> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string MetadataUrl => $"http://127.0.0.1:{Port}/MAAS/metadata/";

    public ConcurrentQueue<(string Method, string Target, string Body)> Requests { get; } = new();

    /// <summary>How many requests came for <paramref name="method"/> and a target starting with <paramref name="prefix"/>.</summary>
    public int Count(string method, string prefix) => Requests.Count(r => r.Method == method && r.Target.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>A loopback port that nothing listens on (taken, then let go).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using NetworkStream stream = client.GetStream();
                (string method, string target, string body) = await ReadRequestAsync(stream);
                Requests.Enqueue((method, target, body));
                string path = target.Split('?')[0];
                int attempt = _attempts.AddOrUpdate($"{method} {path}", 1, (_, n) => n + 1);
                (int status, string answer, string? retryAfter) = await _answer(method, target, body, attempt);
                byte[] content = Encoding.UTF8.GetBytes(answer);
                string head = $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: text/plain\r\nContent-Length: {content.Length}\r\nConnection: close\r\n"
                    + (retryAfter is null ? "" : $"Retry-After: {retryAfter}\r\n") + "\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(content, _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async Task<(string Method, string Target, string Body)> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("the request ended before its head did");
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        int length = lines.Skip(1).Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
        byte[] body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return (requestLine[0], requestLine[1], Encoding.UTF8.GetString(body));
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}
