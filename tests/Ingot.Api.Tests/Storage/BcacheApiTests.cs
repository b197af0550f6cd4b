using System.Globalization;
using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Storage;

/// <summary>bcache and cache sets over the API: the layout, the four resources, their shapes and MAAS's refusals.</summary>
public sealed class BcacheApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Set_storage_layout_bcache_makes_a_cache_set_on_the_SSD_and_bcache0_shown_by_every_endpoint()
    {
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine machine = await host.ReadyAsync(m => m.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 50_000_000_000, Serial = "ssd1", Tags = ["ssd"] }));
        JsonElement json = await (await admin.PostOpAsync(MachineRequests.Item(machine.SystemId), "set_storage_layout", ("storage_layout", "bcache"), ("cache_mode", "writeback"))).OkJsonAsync();
        JsonElement setRef = Assert.Single(json.GetProperty("cache_sets").EnumerateArray());
        JsonElement bcacheRef = Assert.Single(json.GetProperty("bcaches").EnumerateArray());
        Assert.True(setRef.GetProperty("__incomplete__").GetBoolean());
        Assert.Contains(json.GetProperty("blockdevice_set").EnumerateArray(), d => d.Str("name") == "bcache0" && d.Str("type") == "virtual");
        Assert.Equal("bcache0", Assert.Single(json.GetProperty("virtualblockdevice_set").EnumerateArray()).Str("name"));

        JsonElement sets = await (await admin.GetPathAsync(Node(machine, "bcache-cache-sets/"))).OkJsonAsync();
        JsonElement set = Assert.Single(sets.EnumerateArray());
        Assert.Equal(["system_id", "id", "name", "cache_device", "resource_uri"], set.EnumerateObject().Select(p => p.Name));
        // A BIOS amd64 machine: every disk starts with the bios_grub partition, so the cache partition is number 2.
        Assert.Equal(("cache0", "/dev/disk/by-dname/sdb-part2"), (set.Str("name"), set.GetProperty("cache_device").Str("path")));
        Assert.Equal($"/MAAS/api/2.0/nodes/{machine.SystemId}/bcache-cache-set/{setRef.GetProperty("id").GetInt64()}/", set.Str("resource_uri"));

        JsonElement bcache = await (await admin.GetPathAsync(Node(machine, $"bcache/{bcacheRef.GetProperty("id").GetInt64()}/"))).OkJsonAsync();
        Assert.Equal(
            ["system_id", "id", "uuid", "name", "cache_set", "backing_device", "size", "human_size", "virtual_device", "cache_mode", "resource_uri"],
            bcache.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("bcache0", "writeback", "cache0"), (bcache.Str("name"), bcache.Str("cache_mode"), bcache.GetProperty("cache_set").Str("name")));
        Assert.Equal(bcache.GetProperty("backing_device").GetProperty("size").GetInt64(), bcache.GetProperty("size").GetInt64());
        JsonElement virtualDevice = bcache.GetProperty("virtual_device");
        Assert.Equal(("virtual", "/"), (virtualDevice.Str("type"), virtualDevice.GetProperty("filesystem").Str("mount_point")));
        JsonElement devices = await (await admin.GetPathAsync(Node(machine, "blockdevices/"))).OkJsonAsync();
        Assert.Contains(devices.EnumerateArray(), d => d.Str("name") == "bcache0");
    }

    [Fact]
    public async Task The_bcache_layout_is_refused_without_an_SSD_and_the_curtin_config_of_a_deploying_bcache_machine_has_the_bcache_entry()
    {
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine plain = await host.ReadyAsync();
        HttpResponseMessage refused = await admin.PostOpAsync(MachineRequests.Item(plain.SystemId), "set_storage_layout", ("storage_layout", "bcache"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Failed to configure storage layout 'bcache': Node doesn't have an available cache device to setup bcache.", await refused.TextAsync());

        ApiUser owner = await host.CreateUserAsync();
        Machine seeded = await host.DeployingAsync(owner, m => m.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 50_000_000_000, Serial = "ssd1", Tags = ["ssd"] }));
        Machine machine = (await host.FindAsync(seeded.SystemId))!;
        Core.Storage.StorageLayout.Apply(machine, new Core.Storage.StorageLayoutRequest("bcache"));
        await host.Services.GetRequiredService<IMachineStore>().SaveAsync(machine, Ct);
        HttpResponseMessage response = await host.Client(owner.ApiKey).GetAsync($"{MachineRequests.Item(machine.SystemId)}?op=get_curtin_config", Ct);
        string yaml = await response.TextAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, yaml);
        Assert.Contains("type: bcache", yaml, StringComparison.Ordinal);
        Assert.Contains("cache_mode: writethrough", yaml, StringComparison.Ordinal);
        Assert.Contains("volume: bcache0", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cache_sets_and_bcaches_are_created_updated_and_deleted_with_MAAS_errors_and_a_used_cache_set_stays()
    {
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine machine = await host.ReadyAsync(m =>
        {
            m.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 100_000_000_000, Serial = "s2" });
            m.BlockDevices.Add(new BlockDevice { Name = "sdc", SizeBytes = 20_000_000_000, Serial = "s3" });
        });
        string sdb = Id(machine, "sdb"), sdc = Id(machine, "sdc");
        HttpResponseMessage empty = await admin.PostAsync(Node(machine, "bcache-cache-sets/"), Form(), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Either cache_device or cache_partition must be specified.", (await empty.JsonAsync()).GetProperty("__all__")[0].GetString());
        JsonElement set = await (await admin.PostAsync(Node(machine, "bcache-cache-sets/"), Form(("cache_device", sdc)), Ct)).OkJsonAsync();
        string setId = set.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        HttpResponseMessage noCacheSet = await admin.PostAsync(Node(machine, "bcaches/"), Form(("backing_device", sdb), ("cache_mode", "writeback")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noCacheSet.StatusCode);
        Assert.Equal("This field is required.", (await noCacheSet.JsonAsync()).GetProperty("cache_set")[0].GetString());
        JsonElement bcache = await (await admin.PostAsync(Node(machine, "bcaches/"),
            Form(("name", "fast0"), ("cache_set", setId), ("backing_device", sdb), ("cache_mode", "writearound")), Ct)).OkJsonAsync();
        Assert.Equal((100_000_000_000L, "100.0 GB", "sdb"), (bcache.GetProperty("size").GetInt64(), bcache.Str("human_size"), bcache.GetProperty("backing_device").Str("name")));
        string bcacheUri = Node(machine, $"bcache/{bcache.GetProperty("id").GetInt64()}/");
        JsonElement updated = await (await admin.PutAsync(bcacheUri, Form(("cache_mode", "writethrough")), Ct)).OkJsonAsync();
        Assert.Equal("writethrough", updated.Str("cache_mode"));
        await (await admin.PostOpAsync(Node(machine, $"blockdevices/{updated.GetProperty("virtual_device").GetProperty("id").GetInt64()}/"), "format", ("fstype", "ext4"))).OkJsonAsync();

        string setUri = Node(machine, $"bcache-cache-set/{setId}/");
        HttpResponseMessage inUse = await admin.DeleteAsync(setUri, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, inUse.StatusCode);
        Assert.Equal("Cannot delete cache set; it's currently in use.", await inUse.TextAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(bcacheUri, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(setUri, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync(setUri)).StatusCode);
        Assert.Equal("No Bcache matches the given query.", await (await admin.GetPathAsync(bcacheUri)).TextAsync());
        Machine after = (await host.FindAsync(machine.SystemId))!;
        Assert.True(after.Storage.IsEmpty);
        Assert.All(after.BlockDevices, d => Assert.Null(d.Filesystem));
    }

    [Fact]
    public async Task Bcache_edits_need_an_admin_and_a_Ready_machine_and_change_nothing_when_refused()
    {
        ApiUser owner = await host.CreateUserAsync();
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine ready = await host.ReadyAsync(m => m.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 20_000_000_000, Serial = "s2" }));
        HttpResponseMessage forbidden = await host.Client(owner.ApiKey).PostAsync(Node(ready, "bcache-cache-sets/"), Form(("cache_device", Id(ready, "sdb"))), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        Machine allocated = await host.AllocatedAsync(owner, m => m.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 20_000_000_000, Serial = "s2" }));
        HttpResponseMessage conflict = await admin.PostAsync(Node(allocated, "bcache-cache-sets/"), Form(("cache_device", Id(allocated, "sdb"))), Ct);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Cannot create cache set because the machine is not Ready.", await conflict.TextAsync());
        HttpResponseMessage bcacheConflict = await admin.PostAsync(Node(allocated, "bcaches/"), Form(("cache_mode", "writeback")), Ct);
        Assert.Equal("Cannot create Bcache because the machine is not Ready.", await bcacheConflict.TextAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync(Node(ready, "bcache/99/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync(Node(ready, "bcache-cache-set/x/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync("MAAS/api/2.0/nodes/nosuch/bcaches/")).StatusCode);
        Assert.True((await host.FindAsync(ready.SystemId))!.Storage.IsEmpty);
        Assert.True((await host.FindAsync(allocated.SystemId))!.Storage.IsEmpty);
    }

    private static string Id(Machine machine, string name) => machine.BlockDevices.Single(d => d.Name == name).Id.ToString(CultureInfo.InvariantCulture);

    private static string Node(Machine machine, string rest) => $"MAAS/api/2.0/nodes/{machine.SystemId}/{rest}";

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
}
