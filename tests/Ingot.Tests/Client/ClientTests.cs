using System.Text.Json.Nodes;
using Ingot.Client;

namespace Ingot.Tests.Client;

/// <summary>The operator CLI against a real server: profiles, commands built from describe/, output, exit codes.</summary>
[Collection(ClientServer.Collection)]
public sealed class ClientTests(ClientServer server) : IDisposable
{
    private readonly string _profiles = Path.Combine(Directory.CreateTempSubdirectory("ingot-profiles-").FullName, "profiles.json");

    [Fact]
    public async Task Login_with_a_wrong_key_is_rejected_and_saves_nothing()
    {
        var (code, _, err) = await ClientServer.RunAsync(_profiles, ["login", "lab", server.Url, "a:b:c"]);

        Assert.Equal(ClientExitCodes.Unreachable, code);
        Assert.Contains("rejected your API key", err, StringComparison.Ordinal);
        Assert.Empty(new ProfileStore(_profiles).List());
    }

    [Fact]
    public async Task Login_checks_the_key_and_stores_the_profile_readable_by_its_owner_only()
    {
        var (code, output, err) = await ClientServer.RunAsync(_profiles, ["login", "lab", server.Url, "-"], stdin: server.ApiKey + "\n");

        Assert.True(code == 0, err);
        Assert.Contains("'lab'", output, StringComparison.Ordinal);
        Profile profile = Assert.Single(new ProfileStore(_profiles).List());
        Assert.Equal(server.Url + "api/2.0/", profile.Url);
        Assert.Equal(server.ApiKey, profile.ApiKey);
        Assert.NotEmpty(profile.Description["resources"]!.AsArray());
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(_profiles) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        var (_, list, _) = await ClientServer.RunAsync(_profiles, ["list"]);
        Assert.Matches(@"lab\s+http://127\.0\.0\.1:\d+/MAAS/api/2\.0/\s+API key", list);
        Assert.DoesNotContain(server.ApiKey, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Machines_are_created_and_listed_as_a_table_or_as_json()
    {
        await LoginAsync();
        string mac = RandomMac();
        var (created, createdOut, createdErr) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "create", "architecture=amd64/generic", $"mac_addresses={mac}", "power_type=manual", "hostname=cli-one"]);
        Assert.True(created == 0, createdErr);
        Assert.Matches(@"(?m)^hostname\s+cli-one$", createdOut);

        var (code, table, _) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "read", "hostname=cli-one"]);
        Assert.Equal(0, code);
        string[] lines = table.TrimEnd().Split('\n');
        Assert.StartsWith("HOSTNAME", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^cli-one\s+\w{6}\s+(New|Commissioning)\b", lines[1]);

        var (_, json, _) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "read", "hostname=cli-one", "--json"]);
        JsonObject machine = Assert.IsType<JsonObject>(Assert.Single(JsonNode.Parse(json)!.AsArray()));
        Assert.Equal(mac, machine["boot_interface"]!["mac_address"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_request_exits_1_with_the_servers_message()
    {
        await LoginAsync();

        var (code, _, err) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "deploy", "nosuch"]);

        Assert.Equal(ClientExitCodes.Refused, code);
        Assert.StartsWith("404", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nosuch", "read")]
    [InlineData("machines", "nosuch")]
    [InlineData("machine", "read")]
    public async Task A_wrong_resource_action_or_missing_positional_exits_2(string resource, string action)
    {
        await LoginAsync();

        var (code, _, err) = await ClientServer.RunAsync(_profiles, ["lab", resource, action]);

        Assert.Equal(ClientExitCodes.Usage, code);
        Assert.NotEmpty(err);
    }

    [Fact]
    public async Task Wait_follows_a_machine_action_to_its_end_or_gives_up_at_the_limit_naming_the_status()
    {
        await LoginAsync();
        string systemId = await CreateMachineAsync(); // an admin's new machine commissions at once

        var (aborted, abortOutput, abortErr) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "abort", systemId, "--wait"]);
        Assert.True(aborted == 0, abortOutput + abortErr);
        Assert.Contains($"{systemId} is New", abortOutput, StringComparison.Ordinal);

        var (code, output, err) = await ClientServer.RunAsync(_profiles, ["lab", "machine", "commission", systemId, "--wait"], waitLimit: TimeSpan.FromSeconds(1));
        Assert.True(code == ClientExitCodes.WaitTimedOut, output + err);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, $@"{systemId}: \[[#-]+\]\s+(\d+%\s+)?Commissioning"), output);
        Assert.Contains("still Commissioning", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_offers_resources_then_actions_then_parameter_keys()
    {
        await LoginAsync();

        var (_, top, _) = await ClientServer.RunAsync(_profiles, ["__complete"]);
        var (_, resources, _) = await ClientServer.RunAsync(_profiles, ["__complete", "lab"]);
        var (_, actions, _) = await ClientServer.RunAsync(_profiles, ["__complete", "lab", "machines"]);
        var (_, keys, _) = await ClientServer.RunAsync(_profiles, ["__complete", "lab", "machines", "allocate"]);
        var (_, script, _) = await ClientServer.RunAsync(_profiles, ["completion", "bash"]);

        Assert.Contains("lab", top.Split('\n'));
        Assert.Contains("serve", top.Split('\n'));
        Assert.Contains("machines", resources.Split('\n'));
        Assert.Contains("allocate", actions.Split('\n'));
        Assert.Contains("system_id=", keys.Split('\n'));
        Assert.Contains("complete -F _ingot ingot", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_forgets_the_profile_and_then_it_is_no_longer_a_command()
    {
        await LoginAsync();

        var (code, _, _) = await ClientServer.RunAsync(_profiles, ["logout", "lab"]);
        var (again, _, err) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "read"]);

        Assert.Equal(0, code);
        Assert.Empty(new ProfileStore(_profiles).List());
        Assert.Equal(2, again);
        Assert.Contains("unknown command", err, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_profiles)!, recursive: true);

    private async Task LoginAsync()
    {
        var (code, _, err) = await ClientServer.RunAsync(_profiles, ["login", "lab", server.Url, server.ApiKey]);
        Assert.True(code == 0, err);
    }

    private async Task<string> CreateMachineAsync()
    {
        var (code, json, err) = await ClientServer.RunAsync(_profiles, ["lab", "machines", "create", "architecture=amd64/generic", $"mac_addresses={RandomMac()}", "power_type=manual", "--json"]);
        Assert.True(code == 0, err);
        return JsonNode.Parse(json)!["system_id"]!.GetValue<string>();
    }

    private static string RandomMac() =>
        "52:54:01:" + string.Join(':', Random.Shared.GetItems<byte>([.. Enumerable.Range(0, 256).Select(i => (byte)i)], 3).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
