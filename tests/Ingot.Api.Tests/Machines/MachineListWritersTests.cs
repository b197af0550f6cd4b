using System.Reflection;
using System.Text.Json.Nodes;
using Ingot.Api.Machines;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Domains;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Queries;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Zones;
using Ingot.Wire.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Machines;

/// <summary>
/// <see cref="MachineListCache"/> trusts every write of a machine row to raise the machine's version.
/// This goes through every path that writes machine rows — the machine store's add/save/save-all/delete,
/// zone/pool/domain renames, zone delete (machines move to default), tag rename and delete, and a shared
/// BMC's change reaching the other machines on it — and after each checks that the version moved on, that
/// the cached list shows the change, and that the whole cached list is byte for byte the store read
/// rendered afresh. A new write method on those stores fails <see cref="Every_store_write_method_is_covered_here"/>
/// until it is added here.
/// </summary>
public sealed class MachineListWritersTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>The write methods of the stores that touch machine rows, each exercised below.</summary>
    private static readonly Dictionary<Type, string[]> s_covered = new()
    {
        [typeof(IMachineStore)] = ["AddAsync", "SaveAsync", "SaveAllAsync", "ClaimAsync", "DeleteAsync"],
        [typeof(IZoneStore)] = ["AddAsync", "UpdateAsync", "DeleteAsync"],
        [typeof(IResourcePoolStore)] = ["AddAsync", "UpdateAsync", "DeleteAsync"],
        [typeof(IDomainStore)] = ["AddAsync", "UpdateAsync", "DeleteAsync"],
        [typeof(ITagStore)] = ["AddAsync", "UpdateAsync", "DeleteAsync"],
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    [Fact]
    public void Every_store_write_method_is_covered_here()
    {
        string[] reads = ["ListAsync", "FindAsync", "FindByIdAsync", "ExistsAsync", "MachineCountAsync", "MachinesAsync", "FindExpiredAsync",
            "FindEnlistingByPowerAddressAsync", "FindEnlistingByMacAsync", "FindByMacAsync", "EventsAsync", "TakenHostnamesAsync",
            "PowerWorkAsync"];
        foreach ((Type store, string[] writes) in s_covered)
        {
            string[] unknown = [.. store.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).Distinct()
                .Where(n => !reads.Contains(n) && !writes.Contains(n))];
            Assert.True(unknown.Length == 0, $"{store.Name} has write methods this test does not go through: {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public async Task Every_machine_write_raises_the_version_and_shows_in_the_next_list()
    {
        ApiUser admin = await host.CreateUserAsync(isAdmin: true);
        using HttpClient client = host.Client(admin.ApiKey);
        var machines = host.Services.GetRequiredService<IMachineStore>();
        var zones = host.Services.GetRequiredService<IZoneStore>();
        var pools = host.Services.GetRequiredService<IResourcePoolStore>();
        var domains = host.Services.GetRequiredService<IDomainStore>();
        var tags = host.Services.GetRequiredService<ITagStore>();

        string zone = await host.ZoneAsync();
        string poolName = "pool-" + Suffix();
        await pools.AddAsync(new ResourcePool { Name = poolName, Created = Now, Updated = Now }, Ct);
        ResourcePool pool = (await pools.FindAsync(poolName, Ct))!;
        string domainName = "dom-" + Suffix() + ".example";
        await domains.AddAsync(new Domain { Name = domainName, Created = Now, Updated = Now }, Ct);
        Domain domain = (await domains.FindAsync(domainName, Ct))!;
        string tag = await host.TagAsync();
        string address = "192.0.2." + Random.Shared.Next(2, 250);
        Machine placed = await host.ReadyAsync(m =>
        {
            m.Zone = zone;
            m.Pool = pool.Name;
            m.Domain = domain.Name;
            m.Tags = [tag];
            OnBmc(m, address, "1");
        });
        Machine sibling = await host.ReadyAsync(m => OnBmc(m, address, "2"));
        await AssertListIsFreshAsync(client);

        // IMachineStore.AddAsync
        Machine added = await host.ReadyAsync(m => m.Description = "added");
        Assert.Equal("added", (string?)(await ListedAsync(client, added.SystemId))["description"]);

        // IMachineStore.SaveAsync
        await ChangesAsync(client, placed.SystemId, async () =>
        {
            Machine m = (await machines.FindAsync(placed.SystemId, Ct))!;
            m.Description = "saved";
            await machines.SaveAsync(m, Ct);
        }, json => Assert.Equal("saved", (string?)json["description"]));

        // IMachineStore.SaveAllAsync
        await ChangesAsync(client, added.SystemId, async () =>
        {
            Machine m = (await machines.FindAsync(added.SystemId, Ct))!;
            m.Description = "saved with others";
            await machines.SaveAllAsync([m], Ct);
        }, json => Assert.Equal("saved with others", (string?)json["description"]));

        // IMachineStore.ClaimAsync (allocation): writes status and owner only.
        Machine claimable = await host.ReadyAsync(m => m.Description = "claimable");
        await ChangesAsync(client, claimable.SystemId, async () =>
        {
            Machine candidate = (await machines.FindAsync(claimable.SystemId, Ct))!;
            Machine? claimed = await machines.ClaimAsync([candidate], m =>
            {
                m.TransitionTo(MachineStatus.Allocated, Now, "claimant");
                m.SetOwner("claimant");
            }, Ct);
            Assert.NotNull(claimed);
        }, json => Assert.Equal(("Allocated", "claimant"), ((string?)json["status_name"], (string?)json["owner"])));

        // The BMC shared by placed and sibling: saving one rewrites the other's row.
        await ChangesAsync(client, sibling.SystemId, async () =>
        {
            Machine m = (await machines.FindAsync(placed.SystemId, Ct))!;
            m.PowerParameters["power_pass"] = "changed";
            await machines.SaveAsync(m, Ct);
        }, _ => { });
        Assert.Equal("changed", (await machines.FindAsync(sibling.SystemId, Ct))!.PowerParameters["power_pass"]);

        // IZoneStore.UpdateAsync with a new name, then DeleteAsync (machines move to the default zone).
        string renamedZone = "zone-" + Suffix();
        Zone storedZone = (await zones.FindAsync(zone, Ct))!;
        storedZone.Name = renamedZone;
        await ChangesAsync(client, placed.SystemId, async () => Assert.True(await zones.UpdateAsync(zone, storedZone, Ct)),
            json => Assert.Equal(renamedZone, (string?)json["zone"]!["name"]));
        await ChangesAsync(client, placed.SystemId, async () => Assert.True(await zones.DeleteAsync(renamedZone, Ct)),
            json => Assert.Equal(Zone.DefaultName, (string?)json["zone"]!["name"]));

        // IResourcePoolStore.UpdateAsync with a new name (DeleteAsync refuses a pool with machines).
        string renamedPool = "pool-" + Suffix();
        pool.Name = renamedPool;
        await ChangesAsync(client, placed.SystemId, async () => Assert.True(await pools.UpdateAsync(pool, Ct)),
            json => Assert.Equal(renamedPool, (string?)json["pool"]!["name"]));
        Assert.NotEqual(PoolDeletion.Deleted, await pools.DeleteAsync(pool.Id, Ct));

        // IDomainStore.UpdateAsync with a new name (DeleteAsync refuses a domain with machines).
        string renamedDomain = "dom-" + Suffix() + ".example";
        domain.Name = renamedDomain;
        await ChangesAsync(client, placed.SystemId, async () => Assert.True(await domains.UpdateAsync(domain, Ct)),
            json => Assert.Equal(renamedDomain, (string?)json["domain"]!["name"]));
        Assert.NotEqual(DomainDeletion.Deleted, await domains.DeleteAsync(domain.Id, Ct));

        // ITagStore.UpdateAsync with a new name, then DeleteAsync (the tag leaves its machines).
        string renamedTag = "tag-" + Suffix();
        Tag storedTag = (await tags.FindAsync(tag, Ct))!;
        storedTag.Name = renamedTag;
        await ChangesAsync(client, placed.SystemId, async () => Assert.True(await tags.UpdateAsync(storedTag, Ct)),
            json => Assert.Equal([renamedTag], json["tag_names"]!.AsArray().Select(t => (string?)t)));
        await ChangesAsync(client, placed.SystemId, async () => Assert.True(await tags.DeleteAsync(renamedTag, Ct)),
            json => Assert.Empty(json["tag_names"]!.AsArray()));

        // IMachineStore.DeleteAsync
        await machines.DeleteAsync((await machines.FindAsync(added.SystemId, Ct))!, Ct);
        using (HttpResponseMessage response = await client.GetPathAsync(MachineRequests.Machines))
        {
            Assert.DoesNotContain(added.SystemId, (await response.OkJsonAsync()).EnumerateArray().Select(m => m.Str("system_id")));
        }

        await AssertListIsFreshAsync(client);
    }

    /// <summary>Lists (filling the cache), runs <paramref name="write"/>, and checks the version rose and the next list shows it.</summary>
    private async Task ChangesAsync(HttpClient client, string systemId, Func<Task> write, Action<JsonNode> shows)
    {
        await ListedAsync(client, systemId);
        long before = await VersionAsync(systemId);
        await write();
        Assert.True(await VersionAsync(systemId) > before, $"the write left {systemId}'s version at {before}");
        shows(await ListedAsync(client, systemId));
        await AssertListIsFreshAsync(client);
    }

    private async Task<long> VersionAsync(string systemId)
    {
        Machine machine = (await host.FindAsync(systemId))!;
        return (await host.Services.GetRequiredService<IMachineVersionReads>().VersionsAsync(Ct)).Single(v => v.Id == machine.Id).Version;
    }

    /// <summary>The cached list is byte for byte the store read rendered afresh (no machine served from stale JSON).</summary>
    private async Task AssertListIsFreshAsync(HttpClient client)
    {
        IReadOnlyList<Machine> stored = await new MachineQueries(host.Services.GetRequiredService<IMachineStore>())
            .ListAsync(Core.Users.Actor.System, Core.Machines.Filters.MachineFilter.None, Ct);
        MachineJsonContext context = await MachineResponses.ContextAsync(host.Services, stored, Ct);
        using var expected = new MemoryStream();
        await MachineJson.RenderListAsync(stored, context, expected, MachineResponses.ListWriterOptions, Ct);
        using HttpResponseMessage response = await client.GetPathAsync(MachineRequests.Machines);
        byte[] actual = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(expected.ToArray().AsSpan().SequenceEqual(actual), "the cached list differs from a fresh render of the store");
    }

    private static async Task<JsonNode> ListedAsync(HttpClient client, string systemId)
    {
        using HttpResponseMessage response = await client.GetPathAsync(MachineRequests.Machines);
        JsonArray list = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
        return list.Single(m => (string?)m!["system_id"] == systemId)!;
    }

    private static void OnBmc(Machine machine, string address, string nodeId)
    {
        machine.PowerType = "redfish";
        machine.PowerParameters = new()
        {
            ["power_address"] = address,
            ["power_user"] = "admin",
            ["power_pass"] = "first",
            ["node_id"] = nodeId,
        };
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];
}
