using Ingot.Api.Machines;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Wire.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <c>machines/?op=list_allocated</c>, <c>nodes/</c> and <c>tags/{name}/?op=machines</c> come from the
/// kept machine list (<see cref="MachineListCache"/>): for an admin and for normal users with machines
/// of their own and of others, their bytes — on the first request and on a repeat from kept JSON — are
/// exactly what the store read plus the whole-list renderer (the path they used before) writes.
/// </summary>
public sealed class MachineListPathsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_list_path_writes_the_bytes_of_the_store_read_for_admins_and_users()
    {
        Fleet fleet = await SeedAsync();
        var queries = new MachineQueries(host.Services.GetRequiredService<IMachineStore>());
        var membership = host.Services.GetRequiredService<TagMembership>();
        foreach (ApiUser caller in new[] { fleet.Admin, fleet.Alice, fleet.Bob })
        {
            var actor = Actor.User(caller.Username, caller.User.IsAdmin);
            using HttpClient client = host.Client(caller.ApiKey);
            await AssertSameAsync(client, "machines/?op=list_allocated", await queries.ListAllocatedAsync(actor, [], Ct));
            await AssertSameAsync(client, $"machines/?op=list_allocated&id={fleet.AlicesTagged.SystemId}&id={fleet.BobsTagged.SystemId}",
                await queries.ListAllocatedAsync(actor, [fleet.AlicesTagged.SystemId, fleet.BobsTagged.SystemId], Ct));
            await AssertSameAsync(client, "nodes/", await queries.ListAsync(actor, MachineFilter.None, Ct));
            await AssertSameAsync(client, $"tags/{fleet.Tag}/?op=machines", await membership.MachinesAsync(actor, fleet.Tag, Ct));
        }
    }

    [Fact]
    public async Task Each_path_shows_a_user_only_what_the_user_may_see()
    {
        Fleet fleet = await SeedAsync();
        using HttpClient alice = host.Client(fleet.Alice.ApiKey);

        string[] allocated = await IdsAsync(alice, "machines/?op=list_allocated");
        Assert.Contains(fleet.AlicesTagged.SystemId, allocated);
        Assert.DoesNotContain(fleet.BobsTagged.SystemId, allocated);
        Assert.DoesNotContain(fleet.Free.SystemId, allocated);

        string[] nodes = await IdsAsync(alice, "nodes/");
        Assert.Contains(fleet.Free.SystemId, nodes);
        Assert.DoesNotContain(fleet.BobsTagged.SystemId, nodes);

        string[] tagged = await IdsAsync(alice, $"tags/{fleet.Tag}/?op=machines");
        Assert.Equal([fleet.Free.SystemId, fleet.AlicesTagged.SystemId], tagged);
    }

    [Fact]
    public async Task A_deleted_machine_is_in_none_of_the_lists()
    {
        Fleet fleet = await SeedAsync();
        using HttpClient admin = host.Client(fleet.Admin.ApiKey);
        Assert.Contains(fleet.AlicesTagged.SystemId, await IdsAsync(admin, $"tags/{fleet.Tag}/?op=machines"));

        Machine gone = (await host.FindAsync(fleet.AlicesTagged.SystemId))!;
        await host.Services.GetRequiredService<IMachineStore>().DeleteAsync(gone, Ct);

        using HttpClient alice = host.Client(fleet.Alice.ApiKey);
        Assert.DoesNotContain(gone.SystemId, await IdsAsync(admin, $"tags/{fleet.Tag}/?op=machines"));
        Assert.DoesNotContain(gone.SystemId, await IdsAsync(admin, "nodes/"));
        Assert.DoesNotContain(gone.SystemId, await IdsAsync(alice, "machines/?op=list_allocated"));
    }

    [Fact]
    public async Task An_unknown_tag_is_404_as_before()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        using HttpResponseMessage response = await client.GetPathAsync("MAAS/api/2.0/tags/no-such-tag/?op=machines");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task AssertSameAsync(HttpClient client, string path, IReadOnlyList<Machine> before)
    {
        MachineJsonContext context = await MachineResponses.ContextAsync(host.Services, before, Ct);
        using var expected = new MemoryStream();
        await MachineJson.RenderListAsync(before, context, expected, MachineResponses.ListWriterOptions, Ct);
        for (int round = 1; round <= 2; round++)
        {
            using HttpResponseMessage response = await client.GetPathAsync("MAAS/api/2.0/" + path);
            byte[] actual = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            Assert.True(expected.ToArray().AsSpan().SequenceEqual(actual),
                $"{path} (round {round}, {before.Count} machines): expected {System.Text.Encoding.UTF8.GetString(expected.ToArray())}\nactual {System.Text.Encoding.UTF8.GetString(actual)}");
        }
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetPathAsync("MAAS/api/2.0/" + path);
        return [.. (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id"))];
    }

    /// <summary>A free tagged machine, machines allocated to alice and bob (tagged and not), one deploying, a NEW one, one with odd texts.</summary>
    private async Task<Fleet> SeedAsync()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        ApiUser alice = await host.CreateUserAsync();
        ApiUser bob = await host.CreateUserAsync();
        string tag = await host.TagAsync();
        string zone = await host.ZoneAsync();
        Machine free = await host.ReadyAsync(m =>
        {
            m.Tags = [tag];
            m.Zone = zone;
            m.Description = "row <B> & 'c' é +1";
        });
        Machine alicesTagged = await host.AllocatedAsync(alice, m => m.Tags = [tag, "other"]);
        await host.AllocatedAsync(alice, m => m.Interfaces.Add(new NetworkInterface { Name = "eth1", MacAddress = MachineSeeds.RandomMac() }));
        Machine bobsTagged = await host.AllocatedAsync(bob, m => m.Tags = [tag]);
        await host.DeployingAsync(alice);
        await host.NewAsync();
        Machine viaApi = await host.ReadyAsync();
        using HttpClient asAlice = host.Client(alice.ApiKey);
        using HttpResponseMessage allocated = await asAlice.PostOpAsync(MachineRequests.Machines, "allocate", ("system_id", viaApi.SystemId));
        await allocated.OkJsonAsync();
        return new Fleet(admin, alice, bob, tag, free, alicesTagged, bobsTagged);
    }

    private sealed record Fleet(ApiUser Admin, ApiUser Alice, ApiUser Bob, string Tag, Machine Free, Machine AlicesTagged, Machine BobsTagged);
}
