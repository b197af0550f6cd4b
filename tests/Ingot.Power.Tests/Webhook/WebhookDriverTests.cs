using System.Net;
using System.Text;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power.Webhook;

namespace Ingot.Power.Tests.Webhook;

/// <summary>The webhook driver against a small HttpListener that plays a VM manager.</summary>
public sealed class WebhookDriverTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<string> _requests = [];
    private readonly string _prefix;
    private readonly Task _serving;
    private string _status = "stopped";

    public WebhookDriverTests()
    {
        int port = FreeTcpPort();
        _prefix = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        _serving = ServeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _listener.Close();
        _ = _serving.Exception;
    }

    private PowerContext Context(Dictionary<string, string>? extra = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["power_on_uri"] = $"{_prefix}vm/on",
            ["power_off_uri"] = $"{_prefix}vm/off",
            ["power_query_uri"] = $"{_prefix}vm/status",
            ["power_token"] = "tok",
        };
        foreach ((string k, string v) in extra ?? [])
        {
            parameters[k] = v;
        }

        return new PowerContext("web01", WebhookSchema.Schema, parameters);
    }

    [Fact]
    public async Task On_off_and_query_call_the_uris_with_the_token_and_system_id()
    {
        using var driver = new WebhookPowerDriver();
        Assert.Equal(PowerState.Off, await driver.QueryAsync(Context(), Ct));
        await driver.PowerOnAsync(Context(), Ct);
        Assert.Equal(PowerState.On, await driver.QueryAsync(Context(), Ct));
        await driver.PowerOffAsync(Context(), StopMode.Hard, Ct);
        Assert.Equal(PowerState.Off, await driver.QueryAsync(Context(), Ct));
        Assert.Equal(
            ["GET /vm/status web01 Bearer tok", "POST /vm/on web01 Bearer tok", "GET /vm/status web01 Bearer tok", "POST /vm/off web01 Bearer tok", "GET /vm/status web01 Bearer tok"],
            _requests);
    }

    [Fact]
    public async Task A_body_matching_neither_regex_is_unknown_and_basic_credentials_are_sent_without_a_token()
    {
        using var driver = new WebhookPowerDriver();
        _status = "paused";
        PowerContext context = Context(new() { ["power_token"] = "", ["power_user"] = "u", ["power_pass"] = "p" });
        Assert.Equal(PowerState.Unknown, await driver.QueryAsync(context, Ct));
        Assert.EndsWith("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")), _requests[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_fails_the_action_after_the_trailing_slash_retry()
    {
        using var driver = new WebhookPowerDriver();
        PowerException error = await Assert.ThrowsAsync<PowerException>(() =>
            driver.PowerOnAsync(Context(new() { ["power_on_uri"] = $"{_prefix}missing" }), Ct));
        Assert.Equal("Request failed with response status code: 404.", error.Message);
        Assert.Equal(["POST /missing web01 Bearer tok", "POST /missing/ web01 Bearer tok"], _requests);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context = await _listener.GetContextAsync();
            HttpListenerRequest request = context.Request;
            _requests.Add($"{request.HttpMethod} {request.Url!.AbsolutePath} {request.Headers["System_Id"]} {request.Headers["Authorization"]}");
            (int code, string body) = (request.HttpMethod, request.Url.AbsolutePath) switch
            {
                ("POST", "/vm/on") => Set("running"),
                ("POST", "/vm/off") => Set("stopped"),
                ("GET", "/vm/status") => (200, $"{{\"status\": \"{_status}\"}}"),
                _ => (404, "not found"),
            };
            context.Response.StatusCode = code;
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int, string) Set(string status)
    {
        _status = status;
        return (200, "{}");
    }

    private static int FreeTcpPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
