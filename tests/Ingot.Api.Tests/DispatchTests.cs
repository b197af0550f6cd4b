using System.Net;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests;

public sealed class DispatchTests(ProbeHost host) : IClassFixture<ProbeHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync() => host.Client((await host.CreateUserAsync()).ApiKey);

    [Fact]
    public async Task Op_in_the_query_string_selects_the_custom_action()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.GetAsync("MAAS/api/2.0/probe/?op=echo&anything=1", Ct);
        var json = await response.JsonAsync();
        Assert.Equal("echo", json.GetProperty("op").GetString());
        Assert.Equal("GET", json.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Op_in_the_form_body_selects_the_custom_action()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/", new FormUrlEncodedContent([new("op", "echo"), new("x", "y")]), Ct);
        var json = await response.JsonAsync();
        Assert.Equal("echo", json.GetProperty("op").GetString());
        Assert.Equal("y", json.GetProperty("params").GetProperty("x")[0].GetString());
    }

    [Fact]
    public async Task Op_in_a_plain_multipart_body_selects_the_custom_action_as_the_signal_helper_sends_it()
    {
        using HttpClient client = await ClientAsync();
        using var content = MaasMultipart.Build([("op", "echo"u8.ToArray(), null), ("status", "OK"u8.ToArray(), null)], base64: false);
        using var response = await client.PostAsync("MAAS/api/2.0/probe/", content, Ct);
        var json = await response.JsonAsync();
        Assert.Equal("echo", json.GetProperty("op").GetString());
        Assert.Equal("OK", json.GetProperty("params").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task An_empty_op_is_no_op_so_a_post_with_op_empty_is_create()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=", new FormUrlEncodedContent([new("hostname", "a")]), Ct);
        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("op").ValueKind);
        Assert.Equal("POST", json.GetProperty("method").GetString());
    }

    [Fact]
    public async Task An_unknown_op_is_400_Unrecognised_signature_in_plain_text()
    {
        using HttpClient client = await ClientAsync();
        using var get = await client.GetAsync("MAAS/api/2.0/probe/?op=foo", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", get.ContentType());
        Assert.Equal("Unrecognised signature: method=GET op=foo", await get.TextAsync());

        using var post = await client.PostAsync("MAAS/api/2.0/probe/?op=whatever", null, Ct);
        Assert.Equal("Unrecognised signature: method=POST op=whatever", await post.TextAsync());
    }

    [Fact]
    public async Task A_method_the_handler_does_not_answer_is_405_with_Allow()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.DeleteAsync("MAAS/api/2.0/probe/?op=echo", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
    }

    [Fact]
    public async Task Item_resources_take_put_with_the_path_parameter_and_refuse_ops_they_lack()
    {
        using HttpClient client = await ClientAsync();
        using var put = await client.PutAsync("MAAS/api/2.0/probe/p1/", new FormUrlEncodedContent([new("a", "b")]), Ct);
        var json = await put.JsonAsync();
        Assert.Equal("p1", json.GetProperty("name").GetString());
        Assert.Equal("b", json.GetProperty("params").GetProperty("a")[0].GetString());

        using var getOp = await client.GetAsync("MAAS/api/2.0/probe/p1/?op=nothing", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, getOp.StatusCode);
        Assert.Equal("Unrecognised signature: method=GET op=nothing", await getOp.TextAsync());
    }

    [Theory]
    [InlineData("MAAS/api/2.0/probe")]
    [InlineData("MAAS/api/2.0/nothing/")]
    [InlineData("MAAS/api/2.0/probe/a/b/")]
    public async Task Unknown_paths_and_paths_without_their_trailing_slash_are_404_text(string path)
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Equal($"Unknown API endpoint: /{path}.", await response.TextAsync());
    }

    [Fact]
    public async Task Path_parameters_are_decoded()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.GetAsync("MAAS/api/2.0/probe/my%20probe/", Ct);
        Assert.Equal("my probe", (await response.JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_dispatched_response_carries_the_describe_hash_and_204_has_a_content_type()
    {
        using HttpClient client = await ClientAsync();
        using var describe = await host.Anonymous().GetAsync("MAAS/api/2.0/describe/", Ct);
        string hash = (await describe.JsonAsync()).GetProperty("hash").GetString()!;

        using var deleted = await client.DeleteAsync("MAAS/api/2.0/probe/p1/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", deleted.ContentType());
        Assert.Equal(hash, deleted.Headers.GetValues("X-MAAS-API-Hash").Single());
    }

    [Fact]
    public async Task The_1_0_api_is_gone()
    {
        using var response = await host.Anonymous().GetAsync("MAAS/api/1.0/machines/", Ct);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("The 1.0 API is no longer available. Please use API version 2.0.", await response.TextAsync());
    }
}
