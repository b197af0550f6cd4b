using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Metadata;

/// <summary>
/// The status webhook and <c>signal</c> while another writer (the power executor recording power
/// states) saves the same machine at the same time: MAAS accepts every event (204) and every signal,
/// so Ingot does the losing save again rather than answering 409, and nothing is lost.
/// </summary>
public sealed class ConcurrentWriterTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const int Events = 40;
    private const int Rounds = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_webhook_event_is_accepted_and_applied_while_power_states_are_saved_on_the_same_machine()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        using HttpClient client = host.Anonymous();
        string url = $"MAAS/metadata/status/{machine.SystemId}";

        int collisions = 0;
        var names = new List<string>();
        for (int round = 0; round < Rounds && collisions == 0; round++)
        {
            string[] batch = [.. Enumerable.Range(0, Events).Select(i => $"stage-{round}-{i}")];
            names.AddRange(batch);
            Task<HttpStatusCode>[] posts = [.. batch.Select(name => PostAsync(client, url, node.ApiKey, Start(name)))];
            Task<int>[] powers = [.. Enumerable.Range(0, Events).Select(i => SavePowerStateAsync(machine.SystemId, i % 2 == 0 ? PowerState.On : PowerState.Off))];
            Assert.All(await Task.WhenAll(posts), status => Assert.Equal(HttpStatusCode.NoContent, status));
            collisions += (await Task.WhenAll(powers)).Sum();
        }

        Assert.True(collisions > 0, $"the power-state writers never collided with the webhook in {Rounds} rounds of {Events}");
        IReadOnlyList<MachineEvent> events = await host.Services.GetRequiredService<IMachineStore>().EventsAsync(machine.SystemId, Ct);
        HashSet<string> recorded = [.. events.Select(e => e.Description)];
        Assert.All(names, name => Assert.Contains($"'{name}' running {name}", recorded));
        Assert.Equal(MachineStatus.Commissioning, (await host.ReloadAsync(machine.SystemId)).Status);

        // A failed top-level finish among power saves still fails commissioning.
        Task<int>[] more = [.. Enumerable.Range(0, Events).Select(i => SavePowerStateAsync(machine.SystemId, PowerState.On))];
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(client, url, node.ApiKey,
            "{\"name\": \"modules-final\", \"description\": \"final\", \"event_type\": \"finish\", \"origin\": \"cloudinit\", \"result\": \"FAIL\"}"));
        await Task.WhenAll(more);
        Assert.Equal(MachineStatus.FailedCommissioning, (await host.ReloadAsync(machine.SystemId)).Status);
    }

    [Fact]
    public async Task Every_signal_is_answered_OK_and_stored_while_power_states_are_saved_on_the_same_machine()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        Machine machine = await host.MachineAsync(admin);
        (RemoteScriptsClient node, _) = await RemoteScriptsClient.FromPreseedAsync(host, machine.SystemId);
        (JsonArray commissioning, _) = await node.ScriptsAsync("commissioning");
        string[] scripts = [.. commissioning.Select(e => e!["name"]!.GetValue<string>())];

        int collisions = 0;
        for (int round = 0; round < Rounds && collisions == 0; round++)
        {
            Task<int>[] powers = [.. Enumerable.Range(0, Events).Select(i => SavePowerStateAsync(machine.SystemId, i % 2 == 0 ? PowerState.On : PowerState.Off))];
            Task<HttpStatusCode>[] signals = [.. commissioning.Select(entry => WorkingAsync(node, entry!))];
            Assert.All(await Task.WhenAll(signals), status => Assert.Equal(HttpStatusCode.OK, status));
            collisions += (await Task.WhenAll(powers)).Sum();
        }

        Assert.True(collisions > 0, $"the power-state writers never collided with signal in {Rounds} rounds");
        await node.ReportAllAsync(commissioning, _ => 0);
        Task<int>[] last = [.. Enumerable.Range(0, Events).Select(i => SavePowerStateAsync(machine.SystemId, PowerState.On))];
        using (HttpResponseMessage testing = await node.SignalAsync("TESTING"))
        {
            Assert.Equal(HttpStatusCode.OK, testing.StatusCode);
        }

        await Task.WhenAll(last);
        Assert.Equal(MachineStatus.Testing, (await host.ReloadAsync(machine.SystemId)).Status);
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode set = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/nodes/{machine.SystemId}/results/current-commissioning/", Ct))!;
        Assert.Equal(scripts.Order(), set["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order());
        Assert.All(set["results"]!.AsArray(), r => Assert.Equal("Passed", r!["status_name"]!.GetValue<string>()));
    }

    private static string Start(string name) =>
        $"{{\"name\": \"{name}\", \"description\": \"running {name}\", \"event_type\": \"start\", \"origin\": \"cloudinit\"}}";

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string url, string apiKey, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.ASCII, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", OAuthSigner.Header(apiKey));
        using HttpResponseMessage response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> WorkingAsync(RemoteScriptsClient node, JsonNode entry)
    {
        string id = entry["script_result_id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using HttpResponseMessage response = await node.SignalAsync("WORKING", [("script_result_id", id), ("name", entry["name"]!.GetValue<string>())]);
        return response.StatusCode;
    }

    /// <summary>The power executor's write: read, set the power state, save; again on a conflict. Returns the conflicts it met.</summary>
    private async Task<int> SavePowerStateAsync(string systemId, PowerState state)
    {
        IMachineStore store = host.Services.GetRequiredService<IMachineStore>();
        await Task.Yield();
        for (int conflicts = 0; ; conflicts++)
        {
            Machine machine = await store.FindAsync(systemId, Ct) ?? throw new InvalidOperationException("machine gone");
            machine.PowerState = state;
            try
            {
                await store.SaveAsync(machine, Ct);
                return conflicts;
            }
            catch (MachineConflictException)
            {
            }
        }
    }
}
