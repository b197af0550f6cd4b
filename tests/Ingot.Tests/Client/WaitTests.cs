using System.Text.Json.Nodes;
using Ingot.Client;

namespace Ingot.Tests.Client;

/// <summary><c>--wait</c> against a real server: progress, the final status, failures with their event, exit codes.</summary>
[Collection(ClientServer.Collection)]
public sealed class WaitTests(ClientServer server) : IDisposable
{
    private readonly string _profiles = Path.Combine(Directory.CreateTempSubdirectory("ingot-profiles-").FullName, "profiles.json");

    [Fact]
    public async Task A_commissioning_that_fails_while_waited_for_exits_5_with_the_event_that_explains_it()
    {
        await LoginAsync();
        string systemId = await CreateMachineAsync(); // an admin's new machine commissions at once
        var (aborted, _, abortErr) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "abort", systemId]);
        Assert.True(aborted == 0, abortErr);
        Task<(int Code, string Out, string Err)> waiting = ClientServer.RunAsync(_profiles, ["lab", "machine", "commission", systemId, "--wait"], terminal: true);
        await WaitForStatusAsync(systemId, "Commissioning");
        using (var booting = new HttpClient()) // as the machine does when it network-boots: this issues its token
        {
            string preseed = await booting.GetStringAsync(new Uri($"{server.Url}metadata/latest/by-id/{systemId}/?op=get_preseed"), TestContext.Current.CancellationToken);
            Assert.Contains("token_key", preseed, StringComparison.Ordinal);
        }

        var (tokenCode, tokenJson, tokenErr) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "get-token", systemId, "--json"]);
        Assert.True(tokenCode == 0, tokenErr);
        JsonNode token = JsonNode.Parse(tokenJson) ?? throw new InvalidOperationException($"no token: {tokenJson}");
        string machineKey = $"{token["consumer_key"]}:{token["token_key"]}:{token["token_secret"]}";

        using HttpClient node = ClientSession.For(machineKey, TimeProvider.System);
        using HttpResponseMessage signal = await node.PostAsync(
            new Uri(server.Url + "metadata/2012-03-01/"),
            new MultipartFormDataContent
            {
                { new StringContent("signal"), "op" },
                { new StringContent("FAILED"), "status" },
                { new StringContent("1"), "exit_status" },
                { new StringContent("50-maas-01-commissioning"), "name" },
                { new ByteArrayContent("disk sda is on fire"u8.ToArray()), "50-maas-01-commissioning", "50-maas-01-commissioning" },
            },
            TestContext.Current.CancellationToken);
        Assert.True(signal.IsSuccessStatusCode, await signal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var (code, output, err) = await waiting;

        Assert.True(code == ClientExitCodes.ActionFailed, output + err);
        Assert.Contains("Commissioning", output, StringComparison.Ordinal);
        Assert.Contains("\r", output, StringComparison.Ordinal);
        Assert.Matches(@"\[[#-]{24}\]", output);
        Assert.Contains($"ingot: {systemId} is Failed commissioning: Failed commissioning", err, StringComparison.Ordinal);
        Assert.True(err.Contains("failed scripts: 50-maas-01-commissioning (Failed, exit status 1)", StringComparison.Ordinal), err);
    }

    [Fact]
    public async Task A_finished_action_prints_its_final_status_and_exits_0()
    {
        await LoginAsync();
        string systemId = await CreateMachineAsync();

        var (code, output, err) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "abort", systemId, "--wait"]);

        Assert.True(code == ClientExitCodes.Ok, output + err);
        Assert.Contains($"{systemId} is New", output, StringComparison.Ordinal);
        Assert.Empty(err);
    }

    [Fact]
    public async Task Wait_on_an_action_that_cannot_be_followed_is_a_usage_error_and_sends_nothing()
    {
        await LoginAsync();
        string systemId = await CreateMachineAsync();

        var (code, _, err) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "lock", systemId, "--wait"]);
        var (_, json, _) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "read", systemId, "--json"]);

        Assert.Equal(ClientExitCodes.Usage, code);
        Assert.Contains("boot-resources import", err, StringComparison.Ordinal);
        Assert.False(JsonNode.Parse(json)!["locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Wait_on_machines_accept_without_machines_is_a_usage_error()
    {
        await LoginAsync();

        var (code, _, err) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "accept", "--wait"]);

        Assert.Equal(ClientExitCodes.Usage, code);
        Assert.Contains("--wait needs the machines to follow (machines=SYSTEM_ID…)", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_from_an_unreachable_source_is_followed_to_its_end_and_exits_5_with_the_error()
    {
        await LoginAsync();
        var (_, sources, _) = await ClientServer.RunAsync(_profiles, ["lab", "boot-sources", "read", "--json"]);
        foreach (JsonNode? source in JsonNode.Parse(sources)!.AsArray())
        {
            var (updated, _, updateErr) = await ClientServer.RunAsync(_profiles, ["lab", "boot-source", "update", source!["id"]!.ToString(), "url=http://127.0.0.1:9/streams/v1/"]);
            Assert.True(updated == 0, updateErr);
        }

        var (code, output, err) = await ClientServer.RunAsync(_profiles, ["lab", "boot-resources", "import", "--wait"]);

        Assert.True(code == ClientExitCodes.ActionFailed, output + err);
        Assert.Contains("Import of boot resources started", output, StringComparison.Ordinal);
        Assert.Contains("import: [", output, StringComparison.Ordinal);
        Assert.Contains("ingot: import: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_exits_3()
    {
        await LoginAsync();
        var store = new ProfileStore(_profiles);
        Profile profile = Assert.Single(store.List());
        store.Save(profile with { ApiKey = "x:y:z" });

        var (code, _, err) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "read"]);

        Assert.Equal(ClientExitCodes.Unreachable, code);
        Assert.StartsWith("401", err, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_profiles)!, recursive: true);

    private async Task LoginAsync()
    {
        var (code, _, err) = await ClientServer.RunAsync(_profiles, ["login", "lab", server.Url, server.ApiKey]);
        Assert.True(code == 0, err);
    }

    private async Task WaitForStatusAsync(string systemId, string status)
    {
        string seen = "";
        for (int attempt = 0; attempt < 300 && seen != status; attempt++)
        {
            var (_, json, _) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "read", systemId, "--json"]);
            seen = JsonNode.Parse(json)!["status_name"]!.GetValue<string>();
            if (seen != status)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(seen == status, $"{systemId} did not become {status} within 300 reads 100 ms apart; it is {seen}");
    }

    private async Task<string> CreateMachineAsync()
    {
        string mac = "52:54:02:" + string.Join(':', Random.Shared.GetItems<byte>([.. Enumerable.Range(0, 256).Select(i => (byte)i)], 3).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        var (code, json, err) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "create", "architecture=amd64/generic", $"mac_addresses={mac}", "power_type=manual", "--json"]);
        Assert.True(code == 0, err);
        return JsonNode.Parse(json)!["system_id"]!.GetValue<string>();
    }
}
