using System.Buffers.Binary;
using System.Net;
using System.Text;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.SshKeys;

public sealed class SshKeysTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An ssh-ed25519 public key with a random body, as <c>ssh-keygen</c> writes it.</summary>
    private static string NewKey(string comment = "me@host")
    {
        byte[] name = Encoding.ASCII.GetBytes("ssh-ed25519");
        byte[] blob = new byte[4 + name.Length + 4 + 32];
        BinaryPrimitives.WriteInt32BigEndian(blob, name.Length);
        name.CopyTo(blob, 4);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4 + name.Length), 32);
        Random.Shared.NextBytes(blob.AsSpan(8 + name.Length));
        return $"ssh-ed25519 {Convert.ToBase64String(blob)} {comment}";
    }

    private Task<IReadOnlyList<SshKey>> StoredAsync(ApiUser user) => host.Services.GetRequiredService<ISshKeyStore>().ListAsync(user.User.Id, Ct);

    [Fact]
    public async Task A_user_adds_lists_reads_and_deletes_their_key()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        string key = NewKey();
        using var created = await client.PostAsync("MAAS/api/2.0/account/prefs/sshkeys/", MaasMultipart.Build(("key", key)), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.JsonAsync();
        long id = json.GetProperty("id").GetInt64();
        Assert.Equal(key, json.GetProperty("key").GetString());
        Assert.Equal("", json.GetProperty("keysource").GetString());
        Assert.Equal($"/MAAS/api/2.0/account/prefs/sshkeys/{id}/", json.GetProperty("resource_uri").GetString());

        using var list = await client.GetAsync("MAAS/api/2.0/account/prefs/sshkeys/", Ct);
        Assert.Equal([id], (await list.JsonAsync()).EnumerateArray().Select(k => k.GetProperty("id").GetInt64()));
        using var read = await client.GetAsync($"MAAS/api/2.0/account/prefs/sshkeys/{id}/", Ct);
        Assert.Equal(key, (await read.JsonAsync()).GetProperty("key").GetString());

        using var deleted = await client.DeleteAsync($"MAAS/api/2.0/account/prefs/sshkeys/{id}/", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await StoredAsync(user));
    }

    [Fact]
    public async Task Another_users_key_is_403_to_read_and_delete_and_stays()
    {
        ApiUser owner = await host.CreateUserAsync();
        using var created = await host.Client(owner.ApiKey).PostAsync("MAAS/api/2.0/account/prefs/sshkeys/", new FormUrlEncodedContent([new("key", NewKey())]), Ct);
        long id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        ApiUser other = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(other.ApiKey);

        using var read = await client.GetAsync($"MAAS/api/2.0/account/prefs/sshkeys/{id}/", Ct);
        using var delete = await client.DeleteAsync($"MAAS/api/2.0/account/prefs/sshkeys/{id}/", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("Can't delete a key you don't own.", await delete.TextAsync());
        Assert.Single(await StoredAsync(owner));

        using var list = await client.GetAsync("MAAS/api/2.0/account/prefs/sshkeys/", Ct);
        Assert.Empty((await list.JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Bad_and_duplicate_keys_are_400_dicts_on_key_and_store_nothing_new()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var bad = await client.PostAsync("MAAS/api/2.0/account/prefs/sshkeys/", new FormUrlEncodedContent([new("key", "ssh-rsa notbase64!")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("Invalid SSH public key: ", (await bad.JsonAsync()).GetProperty("key")[0].GetString());

        string key = NewKey();
        using var first = await client.PostAsync("MAAS/api/2.0/account/prefs/sshkeys/", new FormUrlEncodedContent([new("key", key)]), Ct);
        using var again = await client.PostAsync("MAAS/api/2.0/account/prefs/sshkeys/", new FormUrlEncodedContent([new("key", key)]), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("This key has already been added for this user.", (await again.JsonAsync()).EnumerateObject().Single().Value[0].GetString());
        Assert.Single(await StoredAsync(user));
    }

    [Fact]
    public async Task Unknown_or_non_numeric_key_ids_are_404()
    {
        ApiUser user = await host.CreateUserAsync();
        using HttpClient client = host.Client(user.ApiKey);
        using var unknown = await client.GetAsync("MAAS/api/2.0/account/prefs/sshkeys/999999/", Ct);
        using var word = await client.DeleteAsync("MAAS/api/2.0/account/prefs/sshkeys/abc/", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No SSHKey matches the given query.", await unknown.TextAsync());
        Assert.Equal(HttpStatusCode.NotFound, word.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_the_401_challenge()
    {
        using var response = await host.Anonymous().GetAsync("MAAS/api/2.0/account/prefs/sshkeys/", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
