using System.Net;
using System.Text;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests;

public sealed class BodyTests(ProbeHost host) : IClassFixture<ProbeHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync() => host.Client((await host.CreateUserAsync()).ApiKey);

    [Fact]
    public async Task Form_urlencoded_repeated_keys_are_lists_in_order()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=echo", new FormUrlEncodedContent([new("tags", "a"), new("tags", "b"), new("name", "x y")]), Ct);
        var p = (await response.JsonAsync()).GetProperty("params");
        Assert.Equal(["a", "b"], p.GetProperty("tags").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("x y", p.GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Query_string_repeated_keys_are_lists_for_get()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.GetAsync("MAAS/api/2.0/probe/?id=a&id=b&hostname=n%201", Ct);
        var p = (await response.JsonAsync()).GetProperty("params");
        Assert.Equal(["a", "b"], p.GetProperty("id").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("n 1", p.GetProperty("hostname")[0].GetString());
    }

    [Fact]
    public async Task The_maas_cli_multipart_body_with_base64_parts_and_a_quoted_boundary_is_decoded()
    {
        using HttpClient client = await ClientAsync();
        using var content = MaasMultipart.Build(("hostname", "node-1"), ("tags", "a"), ("tags", "b"), ("description", "ünïcode ✓"));
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=echo", content, Ct);
        var p = (await response.JsonAsync()).GetProperty("params");
        Assert.Equal("node-1", p.GetProperty("hostname")[0].GetString());
        Assert.Equal(["a", "b"], p.GetProperty("tags").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("ünïcode ✓", p.GetProperty("description")[0].GetString());
    }

    [Fact]
    public async Task The_exact_bytes_the_maas_cli_sends_are_understood()
    {
        // hostname=node-1, tags=a, tags=b as recorded from the CLI (maas-api.md §1.5).
        const string boundary = "===============7119980546056676194==";
        string body = string.Concat(
            Part(boundary, "hostname", "bm9kZS0x"),
            Part(boundary, "tags", "YQ=="),
            Part(boundary, "tags", "Yg=="),
            $"--{boundary}--\r\n");
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary=\"{boundary}\"");
        using HttpClient client = await ClientAsync();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/", content, Ct);
        var p = (await response.JsonAsync()).GetProperty("params");
        Assert.Equal("node-1", p.GetProperty("hostname")[0].GetString());
        Assert.Equal(["a", "b"], p.GetProperty("tags").EnumerateArray().Select(v => v.GetString()));

        static string Part(string boundary, string name, string base64) =>
            $"--{boundary}\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: form-data; name=\"{name}\"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n\r\n{base64}\r\n\r\n";
    }

    [Fact]
    public async Task A_multipart_part_with_a_filename_is_a_file_not_a_field()
    {
        using HttpClient client = await ClientAsync();
        using var content = MaasMultipart.Build([("op", "echo"u8.ToArray(), null), ("user_data", "#cloud-config\n"u8.ToArray(), "user_data")]);
        using var response = await client.PostAsync("MAAS/api/2.0/probe/", content, Ct);
        var json = await response.JsonAsync();
        Assert.Equal("#cloud-config\n", json.GetProperty("files").GetProperty("user_data").GetString());
        Assert.False(json.GetProperty("params").TryGetProperty("user_data", out _));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_text_and_the_host_keeps_serving()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=echo", new FormUrlEncodedContent([new("big", new string('x', 100_000))]), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Equal("Request body is larger than the limit of 65536 bytes.", await response.TextAsync());

        using var after = await client.GetAsync("MAAS/api/2.0/probe/?op=echo", Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_without_content_length_is_refused_too()
    {
        using HttpClient client = await ClientAsync();
        using var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("a=" + new string('x', 100_000))));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "MAAS/api/2.0/probe/?op=echo") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_base64_part_that_is_not_base64_is_400()
    {
        const string boundary = "b0undary";
        string body = $"--{boundary}\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: form-data; name=\"hostname\"\r\n\r\n***not base64***\r\n--{boundary}--\r\n";
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        using HttpClient client = await ClientAsync();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=echo", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request: multipart part 'hostname' is not valid base64.", await response.TextAsync());
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nno headers end")]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--abc--\r\n")]
    [InlineData("multipart/form-data", "--abc\r\n\r\n")]
    public async Task A_malformed_multipart_body_is_400_text(string contentType, string body)
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using HttpClient client = await ClientAsync();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=echo", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.StartsWith("Bad Request: ", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_body_or_content_type_has_no_fields()
    {
        using HttpClient client = await ClientAsync();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=echo", null, Ct);
        var json = await response.JsonAsync();
        Assert.Empty(json.GetProperty("params").EnumerateObject());
    }

    [Fact]
    public async Task A_multipart_form_without_fields_has_no_fields()
    {
        using HttpClient client = await ClientAsync();
        using var content = new MultipartFormDataContent();
        using var response = await client.PostAsync("MAAS/api/2.0/probe/?op=echo", content, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct) + await content.ReadAsStringAsync(Ct));
        var json = await response.JsonAsync();
        Assert.Empty(json.GetProperty("params").EnumerateObject());
    }
}
