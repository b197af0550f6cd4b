using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.BootResources;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.BootResources;

public sealed class BootResourcesTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IBootResourceContent Content => host.Services.GetRequiredService<IBootResourceContent>();

    [Fact]
    public async Task An_admin_uploads_a_resource_with_the_content_in_the_CLI_multipart_reads_it_back_and_deletes_it()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        byte[] content = RandomNumberGenerator.GetBytes(100_000);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(content));

        using var created = await client.PostAsync("MAAS/api/2.0/boot-resources/", Upload("custom/foo", content), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JsonElement json = await created.JsonAsync();
        long id = json.GetProperty("id").GetInt64();
        Assert.Equal(("custom/foo", "amd64/generic", "Uploaded", "Foo image"), (Text(json, "name"), Text(json, "architecture"), Text(json, "type"), Text(json, "title")));
        Assert.Equal($"/MAAS/api/2.0/boot-resources/{id}/", Text(json, "resource_uri"));

        using var read = await client.GetAsync($"MAAS/api/2.0/boot-resources/{id}/", Ct);
        JsonElement set = (await read.JsonAsync()).GetProperty("sets").EnumerateObject().Single().Value;
        JsonElement file = set.GetProperty("files").GetProperty("root-tgz");
        Assert.Equal((sha256, 100_000L, true), (Text(file, "sha256"), file.GetProperty("size").GetInt64(), file.GetProperty("complete").GetBoolean()));
        Assert.Equal(("uploaded", true), (Text(set, "label"), set.GetProperty("complete").GetBoolean()));
        Assert.Equal(content, await File.ReadAllBytesAsync(Content.PathOf(sha256), Ct));

        using var list = await client.GetAsync("MAAS/api/2.0/boot-resources/?type=uploaded", Ct);
        JsonElement listed = (await list.JsonAsync()).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        Assert.False(listed.TryGetProperty("sets", out _));

        using var deleted = await client.DeleteAsync($"MAAS/api/2.0/boot-resources/{id}/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"MAAS/api/2.0/boot-resources/{id}/", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("No BootResource matches the given query.", await gone.TextAsync());
        Assert.False(Content.Has(sha256));
    }

    [Fact]
    public async Task The_CLI_two_step_upload_sends_sha256_and_size_then_chunks_to_the_upload_uri()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        byte[] content = RandomNumberGenerator.GetBytes(70_000);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(content));

        using var created = await client.PostAsync("MAAS/api/2.0/boot-resources/", MaasMultipart.Build(
            ("name", "custom/chunked"), ("architecture", "amd64/generic"), ("filetype", "ddraw"), ("sha256", sha256), ("size", "70000")), Ct);
        JsonElement file = (await created.JsonAsync()).GetProperty("sets").EnumerateObject().Single().Value.GetProperty("files").GetProperty("root-dd.raw");
        Assert.False(file.GetProperty("complete").GetBoolean());
        string uploadUri = Text(file, "upload_uri");

        foreach (byte[] chunk in content.Chunk(30_000))
        {
            using var body = new ByteArrayContent(chunk);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var put = await client.PutAsync(uploadUri.TrimStart('/'), body, Ct);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var again = new ByteArrayContent([1]);
        using var extra = await client.PutAsync(uploadUri.TrimStart('/'), again, Ct);
        using var read = await client.GetAsync(Text(await created.JsonAsync(), "resource_uri").TrimStart('/'), Ct);
        JsonElement done = (await read.JsonAsync()).GetProperty("sets").EnumerateObject().Single().Value.GetProperty("files").GetProperty("root-dd.raw");
        Assert.True(done.GetProperty("complete").GetBoolean());
        Assert.False(done.TryGetProperty("upload_uri", out _));
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.Equal("Cannot upload to a complete file.", await extra.TextAsync());
        Assert.Equal(content, await File.ReadAllBytesAsync(Content.PathOf(sha256), Ct));
    }

    [Fact]
    public async Task Content_that_does_not_match_its_sha256_is_refused_and_nothing_is_kept()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        byte[] content = RandomNumberGenerator.GetBytes(1000);
        string wrong = Convert.ToHexStringLower(SHA256.HashData("something else"u8));

        using var inline = await client.PostAsync("MAAS/api/2.0/boot-resources/", MaasMultipart.Build(
        [
            ("name", "custom/bad"u8.ToArray(), null), ("architecture", "amd64/generic"u8.ToArray(), null),
            ("sha256", Encoding.UTF8.GetBytes(wrong), null), ("size", "1000"u8.ToArray(), null), ("content", content, "bad.tgz"),
        ]), Ct);
        using var created = await client.PostAsync("MAAS/api/2.0/boot-resources/", MaasMultipart.Build(
            ("name", "custom/bad2"), ("architecture", "amd64/generic"), ("sha256", wrong), ("size", "1000")), Ct);
        string uploadUri = Text((await created.JsonAsync()).GetProperty("sets").EnumerateObject().Single().Value.GetProperty("files").GetProperty("root-tgz"), "upload_uri");
        using var body = new ByteArrayContent(content);
        using var put = await client.PutAsync(uploadUri.TrimStart('/'), body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, inline.StatusCode);
        Assert.Contains("Saved content does not match given SHA256 value.", await inline.TextAsync());
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("Saved content does not match given SHA256 value.", await put.TextAsync());
        using var list = await client.GetAsync("MAAS/api/2.0/boot-resources/", Ct);
        Assert.DoesNotContain((await list.JsonAsync()).EnumerateArray(), r => Text(r, "name") == "custom/bad");
        Assert.False(Content.Has(Convert.ToHexStringLower(SHA256.HashData(content))));
    }

    [Fact]
    public async Task A_normal_user_may_list_but_not_upload_or_delete_and_a_bad_form_gets_field_errors()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var setup = await host.Client(admin.ApiKey).PostAsync("MAAS/api/2.0/boot-resources/", Upload("custom/kept", [1, 2, 3]), Ct);
        long id = (await setup.JsonAsync()).GetProperty("id").GetInt64();

        using var upload = await client.PostAsync("MAAS/api/2.0/boot-resources/", Upload("custom/mine", [4]), Ct);
        using var delete = await client.DeleteAsync($"MAAS/api/2.0/boot-resources/{id}/", Ct);
        using var import = await client.PostAsync("MAAS/api/2.0/boot-resources/?op=import", null, Ct);
        using var list = await client.GetAsync("MAAS/api/2.0/boot-resources/", Ct);
        using var badType = await client.GetAsync("MAAS/api/2.0/boot-resources/?type=odd", Ct);
        using var bad = await host.Client(admin.ApiKey).PostAsync("MAAS/api/2.0/boot-resources/", MaasMultipart.Build(("architecture", "not an arch")), Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (upload.StatusCode, delete.StatusCode, import.StatusCode));
        Assert.Contains((await list.JsonAsync()).EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal("'odd' is not a valid boot resource type. Available types: ['synced', 'uploaded']", await badType.TextAsync());
        JsonElement errors = await bad.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["This field is required."], errors.GetProperty("name").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["This field is required."], errors.GetProperty("sha256").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("not one of the available choices", errors.GetProperty("architecture")[0].GetString(), StringComparison.Ordinal);
    }

    private static HttpContent Upload(string name, byte[] content) => MaasMultipart.Build(
    [
        ("name", Encoding.UTF8.GetBytes(name), null),
        ("architecture", "amd64/generic"u8.ToArray(), null),
        ("title", "Foo image"u8.ToArray(), null),
        ("content", content, "image.tgz"),
    ]);

    private static string Text(JsonElement json, string name) => json.GetProperty(name).GetString()!;
}
