using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Client;

namespace Ingot.Tests.Client;

/// <summary>
/// <c>key=value</c> arguments against a real server as the <c>maas</c> CLI sends them: a repeated key is a list (in
/// the body and in the query), <c>key@=FILE</c> sends the file's content as the field; and colour only on a terminal.
/// </summary>
[Collection(ClientServer.Collection)]
public sealed class ArgumentTests(ClientServer server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ingot-profiles-").FullName;

    private string Profiles => Path.Combine(_directory, "profiles.json");

    [Fact]
    public async Task A_repeated_key_is_a_list_in_the_body_and_in_the_query()
    {
        await LoginAsync();
        string[] macs = [RandomMac(), RandomMac()];
        string first = await CreateAsync($"rep-{Suffix()}", $"mac_addresses={macs[0]}", $"mac_addresses={macs[1]}");
        string second = await CreateAsync($"rep-{Suffix()}", $"mac_addresses={RandomMac()}");

        var (code, json, err) = await ClientServer.RunAsync(Profiles, ["lab", "machine", "read", first, "--json"]);
        Assert.True(code == 0, err);
        Assert.Equal(macs.Order(), JsonNode.Parse(json)!["interface_set"]!.AsArray().Select(i => i!["mac_address"]!.GetValue<string>()).Order());

        string[] hostnames = [await HostnameAsync(first), await HostnameAsync(second)];
        var (listed, list, listErr) = await ClientServer.RunAsync(Profiles, ["lab", "machines", "read", $"hostname={hostnames[0]}", $"hostname={hostnames[1]}", "--json"]);
        Assert.True(listed == 0, listErr);
        Assert.Equal(hostnames.Order(), JsonNode.Parse(list)!.AsArray().Select(m => m!["hostname"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task A_file_argument_sends_the_files_content_as_the_field_in_the_body_and_in_the_query()
    {
        await LoginAsync();
        string key = $"ssh-ed25519 {PublicKeyBlob()} cli@{Suffix()}";
        string keyFile = Path.Combine(_directory, "id_ed25519.pub");
        await File.WriteAllTextAsync(keyFile, key + "\n", TestContext.Current.CancellationToken);

        var (created, json, err) = await ClientServer.RunAsync(Profiles, ["lab", "sshkeys", "create", $"key@={keyFile}", "--json"]);
        Assert.True(created == 0, err);
        Assert.Equal(key, JsonNode.Parse(json)!["key"]!.GetValue<string>());

        string hostname = $"file-{Suffix()}";
        await CreateAsync(hostname, $"mac_addresses={RandomMac()}");
        string hostFile = Path.Combine(_directory, "hostname");
        await File.WriteAllTextAsync(hostFile, hostname, TestContext.Current.CancellationToken);
        var (listed, list, listErr) = await ClientServer.RunAsync(Profiles, ["lab", "machines", "read", $"hostname@={hostFile}", "--json"]);
        Assert.True(listed == 0, listErr);
        Assert.Equal(hostname, Assert.Single(JsonNode.Parse(list)!.AsArray())!["hostname"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_a_usage_error_and_sends_nothing()
    {
        await LoginAsync();
        string missing = Path.Combine(_directory, "missing.pub");

        var (code, _, err) = await ClientServer.RunAsync(Profiles, ["lab", "sshkeys", "create", $"key@={missing}"]);

        Assert.Equal(ClientExitCodes.Usage, code);
        Assert.Contains($"key@={missing}: no such file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statuses_are_coloured_on_a_terminal_and_plain_otherwise()
    {
        await LoginAsync();
        string hostname = $"colour-{Suffix()}";
        await CreateAsync(hostname, $"mac_addresses={RandomMac()}");

        var (_, coloured, _) = await ClientServer.RunAsync(Profiles, ["lab", "machines", "read", $"hostname={hostname}"], terminal: true);
        var (_, plain, _) = await ClientServer.RunAsync(Profiles, ["lab", "machines", "read", $"hostname={hostname}"]);

        Assert.Matches($@"(?m)^{hostname}\s+\w+\s+\u001b\[33mCommissioning\s*\u001b\[0m", coloured); // an admin's new machine commissions at once
        Assert.DoesNotContain("\u001b", plain, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^{hostname}\s+\w+\s+Commissioning\s", plain);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task LoginAsync()
    {
        var (code, _, err) = await ClientServer.RunAsync(Profiles, ["login", "lab", server.Url, server.ApiKey]);
        Assert.True(code == 0, err);
    }

    private async Task<string> CreateAsync(string hostname, params string[] macs)
    {
        var (code, json, err) = await ClientServer.RunAsync(Profiles, ["lab", "machines", "create", "architecture=amd64/generic", "power_type=manual", $"hostname={hostname}", .. macs, "--json"]);
        Assert.True(code == 0, err);
        return JsonNode.Parse(json)!["system_id"]!.GetValue<string>();
    }

    private async Task<string> HostnameAsync(string systemId)
    {
        var (_, json, _) = await ClientServer.RunAsync(Profiles, ["lab", "machine", "read", systemId, "--json"]);
        return JsonNode.Parse(json)!["hostname"]!.GetValue<string>();
    }

    /// <summary>An OpenSSH ed25519 public key body: the length-prefixed type and 32 key bytes (RFC 4253 §6.6).</summary>
    private static string PublicKeyBlob()
    {
        byte[] type = Encoding.ASCII.GetBytes("ssh-ed25519");
        byte[] blob = new byte[4 + type.Length + 4 + 32];
        BinaryPrimitives.WriteInt32BigEndian(blob, type.Length);
        type.CopyTo(blob, 4);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4 + type.Length), 32);
        Random.Shared.NextBytes(blob.AsSpan(8 + type.Length));
        return Convert.ToBase64String(blob);
    }

    private static string Suffix() => Convert.ToHexStringLower(Random.Shared.GetItems<byte>([.. Enumerable.Range(0, 256).Select(i => (byte)i)], 3));

    private static string RandomMac() =>
        "52:54:03:" + string.Join(':', Random.Shared.GetItems<byte>([.. Enumerable.Range(0, 256).Select(i => (byte)i)], 3).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
