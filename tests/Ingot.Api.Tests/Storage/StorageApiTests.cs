using System.Net;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Machines;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Api.Tests.Storage;

/// <summary>The storage API end to end: layouts, block devices, partitions, volume groups and RAIDs, with MAAS's refusals.</summary>
public sealed class StorageApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Set_storage_layout_lvm_gives_the_machine_vgroot_and_the_volume_groups_endpoint_shows_it()
    {
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine machine = await host.ReadyAsync();
        JsonElement json = await (await admin.PostOpAsync(MachineRequests.Item(machine.SystemId), "set_storage_layout", ("storage_layout", "lvm"))).OkJsonAsync();
        Assert.Equal(1, json.GetProperty("volume_groups").GetArrayLength());
        JsonElement groups = await (await admin.GetPathAsync(Node(machine, "volume-groups/"))).OkJsonAsync();
        JsonElement group = Assert.Single(groups.EnumerateArray());
        Assert.Equal("vgroot", group.Str("name"));
        JsonElement lv = Assert.Single(group.GetProperty("logical_volumes").EnumerateArray());
        Assert.Equal(("vgroot-lvroot", "virtual", "/"), (lv.Str("name"), lv.Str("type"), lv.GetProperty("filesystem").Str("mount_point")));
        JsonElement devices = await (await admin.GetPathAsync(Node(machine, "blockdevices/"))).OkJsonAsync();
        Assert.Equal(2, devices.GetArrayLength());
    }

    [Fact]
    public async Task Set_storage_layout_is_refused_on_a_machine_that_is_not_Ready_for_non_admins_and_when_it_does_not_fit()
    {
        ApiUser owner = await host.CreateUserAsync();
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine allocated = await host.AllocatedAsync(owner);
        HttpResponseMessage conflict = await admin.PostOpAsync(MachineRequests.Item(allocated.SystemId), "set_storage_layout", ("storage_layout", "flat"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Cannot change the storage layout on a machine that is not Ready.", await conflict.TextAsync());

        Machine ready = await host.ReadyAsync();
        HttpResponseMessage forbidden = await host.Client(owner.ApiKey).PostOpAsync(MachineRequests.Item(ready.SystemId), "set_storage_layout", ("storage_layout", "flat"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        Machine small = await host.ReadyAsync(m => m.BlockDevices[0].SizeBytes = 2_000_000_000);
        HttpResponseMessage tooSmall = await admin.PostOpAsync(MachineRequests.Item(small.SystemId), "set_storage_layout", ("storage_layout", "flat"));
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        Assert.Contains("root", await tooSmall.TextAsync(), StringComparison.Ordinal);
        HttpResponseMessage badSize = await admin.PostOpAsync(MachineRequests.Item(ready.SystemId), "set_storage_layout", ("storage_layout", "flat"), ("root_size", "900T"));
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        Assert.StartsWith("Size is too large.", (await badSize.JsonAsync()).GetProperty("root_size")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await host.FindAsync(small.SystemId))!.BlockDevices[0].Partitions);

        HttpResponseMessage missing = await admin.PostOpAsync(MachineRequests.Item("nosuch"), "set_storage_layout", ("storage_layout", "flat"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Partitions_are_created_formatted_mounted_read_and_deleted()
    {
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine machine = await host.ReadyAsync();
        long disk = machine.BlockDevices[0].Id;
        JsonElement created = await (await admin.PostAsync(Node(machine, $"blockdevices/{disk}/partitions/"), Form(("size", "10G")), Ct)).OkJsonAsync();
        long id = created.GetProperty("id").GetInt64();
        Assert.Equal(9_999_220_736, created.GetProperty("size").GetInt64());
        string item = Node(machine, $"blockdevices/{disk}/partition/{id}");
        await (await admin.PostOpAsync(item, "format", ("fstype", "ext4"), ("label", "data"))).OkJsonAsync();
        JsonElement mounted = await (await admin.PostOpAsync(item, "mount", ("mount_point", "/srv"))).OkJsonAsync();
        Assert.Equal("/srv", mounted.GetProperty("filesystem").Str("mount_point"));
        JsonElement read = await (await admin.GetPathAsync(Node(machine, $"blockdevices/{disk}/partitions/{id}"))).OkJsonAsync();
        Assert.Equal("ext4 formatted filesystem mounted at /srv", read.Str("used_for"));

        HttpResponseMessage unformat = await admin.PostOpAsync(item, "unformat");
        Assert.Equal(HttpStatusCode.BadRequest, unformat.StatusCode);
        await (await admin.PostOpAsync(item, "unmount")).OkJsonAsync();
        await (await admin.PostOpAsync(item, "unformat")).OkJsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(item, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync(item)).StatusCode);
        Assert.Empty((await host.FindAsync(machine.SystemId))!.BlockDevices[0].Partitions);
    }

    [Fact]
    public async Task Partition_and_device_refusals_are_400_403_404_and_409()
    {
        ApiUser owner = await host.CreateUserAsync();
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine machine = await host.ReadyAsync();
        long disk = machine.BlockDevices[0].Id;
        string partitions = Node(machine, $"blockdevices/{disk}/partitions/");
        HttpResponseMessage tooBig = await admin.PostAsync(partitions, Form(("size", "600G")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.StartsWith("Size is too large.", (await tooBig.JsonAsync()).GetProperty("size")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(owner.ApiKey).PostAsync(partitions, Form(("size", "1G")), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync(Node(machine, "blockdevices/999999/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync(Node(machine, $"blockdevices/{disk}/partition/77"))).StatusCode);
        HttpResponseMessage badType = await admin.PostOpAsync(Node(machine, $"blockdevices/{disk}/"), "format", ("fstype", "ntfs"));
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal("Select a valid choice. ntfs is not one of the available choices.", (await badType.JsonAsync()).GetProperty("fstype")[0].GetString());

        Machine deploying = await host.DeployingAsync(owner);
        HttpResponseMessage conflict = await admin.PostAsync(Node(deploying, $"blockdevices/{deploying.BlockDevices[0].Id}/partitions/"), Form(("size", "1G")), Ct);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Cannot create partition because the machine is not Ready.", await conflict.TextAsync());
        HttpResponseMessage format = await admin.PostOpAsync(Node(deploying, $"blockdevices/{deploying.BlockDevices[0].Id}/"), "format", ("fstype", "ext4"));
        Assert.Equal(HttpStatusCode.Conflict, format.StatusCode);
    }

    [Fact]
    public async Task The_owner_of_an_allocated_machine_formats_and_mounts_but_may_not_on_a_Ready_one()
    {
        ApiUser owner = await host.CreateUserAsync();
        HttpClient client = host.Client(owner.ApiKey);
        Machine allocated = await host.AllocatedAsync(owner, m => m.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 100_000_000_000, Serial = "s2" }));
        long sdb = allocated.BlockDevices.Single(d => d.Name == "sdb").Id;
        string device = Node(allocated, $"blockdevices/{sdb}/");
        await (await client.PostOpAsync(device, "format", ("fstype", "xfs"))).OkJsonAsync();
        JsonElement mounted = await (await client.PostOpAsync(device, "mount", ("mount_point", "/data"), ("mount_options", "noatime"))).OkJsonAsync();
        Assert.Equal(("xfs", "/data", "noatime"), (mounted.GetProperty("filesystem").Str("fstype"), mounted.GetProperty("filesystem").Str("mount_point"), mounted.GetProperty("filesystem").Str("mount_options")));

        Machine ready = await host.ReadyAsync();
        HttpResponseMessage refused = await client.PostOpAsync(Node(ready, $"blockdevices/{ready.BlockDevices[0].Id}/"), "format", ("fstype", "xfs"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null((await host.FindAsync(ready.SystemId))!.BlockDevices[0].Filesystem);
    }

    [Fact]
    public async Task A_RAID_is_created_used_as_a_physical_volume_and_cannot_be_deleted_while_in_use()
    {
        HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        Machine machine = await host.ReadyAsync(m =>
        {
            m.BlockDevices.Add(new BlockDevice { Name = "sdb", SizeBytes = 100_000_000_000, Serial = "s2" });
            m.BlockDevices.Add(new BlockDevice { Name = "sdc", SizeBytes = 100_000_000_000, Serial = "s3" });
        });
        string ids = string.Join(",", machine.BlockDevices.Where(d => d.Name != "sda").Select(d => d.Id));
        HttpResponseMessage few = await admin.PostAsync(Node(machine, "raids/"), Form(("level", "raid-5"), ("block_devices", ids)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, few.StatusCode);
        JsonElement raid = await (await admin.PostAsync(Node(machine, "raids/"), Form(("name", "md0"), ("level", "raid-1"), ("block_devices", ids)), Ct)).OkJsonAsync();
        Assert.Equal((100_000_000_000L, 2), (raid.GetProperty("size").GetInt64(), raid.GetProperty("devices").GetArrayLength()));
        long md = raid.GetProperty("virtual_device").GetProperty("id").GetInt64();
        JsonElement group = await (await admin.PostAsync(Node(machine, "volume-groups/"), Form(("name", "vgdata"), ("block_devices", md.ToString(System.Globalization.CultureInfo.InvariantCulture))), Ct)).OkJsonAsync();
        string groupUri = Node(machine, $"volume-group/{group.GetProperty("id").GetInt64()}/");
        JsonElement lv = await (await admin.PostOpAsync(groupUri, "create_logical_volume", ("name", "data"), ("size", "50G"))).OkJsonAsync();
        Assert.Equal(50_000_000_000, lv.GetProperty("size").GetInt64());
        HttpResponseMessage tooBig = await admin.PostOpAsync(groupUri, "create_logical_volume", ("name", "more"), ("size", "80G"));
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);

        string raidUri = Node(machine, $"raid/{raid.GetProperty("id").GetInt64()}/");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.DeleteAsync(raidUri, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(groupUri, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(raidUri, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync(raidUri)).StatusCode);
        Machine after = (await host.FindAsync(machine.SystemId))!;
        Assert.Empty(after.Storage.Raids);
        Assert.All(after.BlockDevices.Where(d => d.Name != "sda"), d => Assert.Null(d.Filesystem));
    }

    [Fact]
    public async Task Get_curtin_config_carries_the_storage_network_and_netboot_off_late_command()
    {
        ApiUser owner = await host.CreateUserAsync();
        Machine machine = await host.DeployingAsync(owner, m => Core.Storage.StorageLayout.Apply(m, new Core.Storage.StorageLayoutRequest("flat")));
        HttpResponseMessage response = await host.Client(owner.ApiKey).GetAsync($"{MachineRequests.Item(machine.SystemId)}?op=get_curtin_config", Ct);
        string yaml = await response.TextAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, yaml);
        Assert.Contains("ptable: gpt", yaml, StringComparison.Ordinal);
        Assert.Contains("path: /\n", yaml, StringComparison.Ordinal);
        Assert.Contains("op=netboot_off", yaml, StringComparison.Ordinal);
        Assert.Contains("type: physical", yaml, StringComparison.Ordinal);
        Assert.Contains($"/MAAS/metadata/latest/by-id/{machine.SystemId}/", yaml, StringComparison.Ordinal);
    }

    private static string Node(Machine machine, string rest) => $"MAAS/api/2.0/nodes/{machine.SystemId}/{rest}";

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
}
