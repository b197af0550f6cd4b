using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Storage;

namespace Ingot.Core.Tests.Storage;

public sealed class BcacheTests
{
    [Fact]
    public void The_bcache_layout_caches_the_root_partition_on_the_smallest_SSD_and_renders_curtins_bcache_entry()
    {
        Machine machine = StorageMachines.With(true, 100, 200, 40, 20);
        machine.BlockDevices[2].Tags.Add("ssd");
        machine.BlockDevices[1].Tags.Add("ssd");
        StorageLayout.Apply(machine, new StorageLayoutRequest("bcache", CacheMode: "writeback"));
        Assert.Empty(StorageCheck.Problems(machine));
        CacheSet set = Assert.Single(machine.Storage.CacheSets);
        Assert.Equal(StorageMember.Partition(13, 0), set.Device);
        Bcache bcache = Assert.Single(machine.Storage.Bcaches);
        Assert.Equal("bcache0", bcache.Name);
        Assert.Equal("writeback", bcache.CacheMode);
        Assert.Equal(StorageMember.Partition(11, 2), bcache.Backing);
        Assert.Equal("/boot", machine.BlockDevices[0].Partitions[1].Filesystem?.MountPoint);
        Assert.Equal("/", bcache.Filesystem?.MountPoint);
        Assert.Equal(StorageFilesystems.BcacheBacking, machine.BlockDevices[0].Partitions[2].Filesystem?.Type);
        Assert.Equal(StorageFilesystems.BcacheCache, machine.BlockDevices[2].Partitions[0].Filesystem?.Type);
        string yaml = Core.Rendering.YamlText.Write(new System.Text.Json.Nodes.JsonObject { ["storage"] = CurtinStorage.Render(machine) });
        Assert.Contains("type: bcache", yaml, StringComparison.Ordinal);
        Assert.Contains("backing_device: sda-part3", yaml, StringComparison.Ordinal);
        Assert.Contains("cache_device: sdc-part1", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("sdd", yaml, StringComparison.Ordinal);
        Golden.Match("bcache-uefi.yaml", yaml);
    }

    [Fact]
    public void The_bcache_layout_without_an_SSD_is_refused_and_the_default_layout_falls_back_to_flat()
    {
        Machine machine = StorageMachines.With(true, 100, 50);
        var error = Assert.Throws<MachineOperationException>(() => StorageLayout.Apply(machine, new StorageLayoutRequest("bcache")));
        Assert.Equal("Failed to configure storage layout 'bcache': Node doesn't have an available cache device to setup bcache.", error.Message);
        Assert.All(machine.BlockDevices, d => Assert.Empty(d.Partitions));
        Assert.True(DefaultStorage.Apply(machine, "bcache"));
        Assert.True(machine.Storage.IsEmpty);
        Assert.Equal("/", machine.BlockDevices[0].Partitions[^1].Filesystem?.MountPoint);
    }

    [Fact]
    public void The_bcache_layout_refuses_bad_cache_fields_and_a_boot_disk_too_small_for_boot_and_root()
    {
        Machine machine = StorageMachines.With(true, 100, 50);
        var fields = Assert.Throws<MachineFormException>(() => StorageLayout.Apply(machine,
            new StorageLayoutRequest("bcache", CacheDevice: "11", CacheMode: "fast", CacheSize: "1G", CacheNoPart: "true")));
        Assert.Equal("'11' is not a valid cache_device.  It should be one of: '12'.", Assert.Single(fields.Errors["cache_device"]));
        Assert.Equal("Select a valid choice. fast is not one of the available choices.", Assert.Single(fields.Errors["cache_mode"]));
        Assert.Equal("Cannot use cache_size and cache_no_part at the same time.", Assert.Single(fields.Errors["cache_no_part"]));
        var large = Assert.Throws<MachineFormException>(() => StorageLayout.Apply(machine, new StorageLayoutRequest("bcache", CacheDevice: "12", CacheSize: "60G")));
        Assert.Equal($"Size is too large. Maximum size is {50 * StorageMachines.GiB}.", Assert.Single(large.Errors["cache_size"]));

        Machine small = StorageMachines.With(true, 4, 50);
        var tight = Assert.Throws<MachineOperationException>(() => StorageLayout.Apply(small, new StorageLayoutRequest("bcache", CacheDevice: "12")));
        Assert.StartsWith("Failed to configure storage layout 'bcache': the root device sda has ", tight.Message, StringComparison.Ordinal);
        Assert.True(machine.Storage.IsEmpty && small.Storage.IsEmpty);
        Assert.All(machine.BlockDevices.Concat(small.BlockDevices), d => Assert.Empty(d.Partitions));

        StorageLayout.Apply(machine, new StorageLayoutRequest("bcache", CacheDevice: "12", CacheNoPart: "true"));
        Assert.Equal(StorageMember.Disk(12), Assert.Single(machine.Storage.CacheSets).Device);
        Assert.Equal(StorageFilesystems.BcacheCache, machine.BlockDevices[1].Filesystem?.Type);
        Assert.Equal("writethrough", Assert.Single(machine.Storage.Bcaches).CacheMode);
    }

    [Fact]
    public void A_cache_set_and_a_bcache_are_made_from_free_devices_with_MAAS_form_errors_otherwise()
    {
        Machine machine = StorageMachines.With(true, 100, 50, 20);
        var none = Assert.Throws<MachineFormException>(() => CustomStorage.CreateCacheSet(machine, Form()));
        Assert.Equal("Either cache_device or cache_partition must be specified.", Assert.Single(none.Errors["__all__"]));
        var both = Assert.Throws<MachineFormException>(() => CustomStorage.CreateCacheSet(machine, Form(("cache_device", "13"), ("cache_partition", "11001"))));
        Assert.Equal("Cannot set both cache_device and cache_partition.", Assert.Single(both.Errors["__all__"]));
        var missing = Assert.Throws<MachineFormException>(() => CustomStorage.CreateCacheSet(machine, Form(("cache_device", "99"))));
        Assert.Equal("Select a valid choice. 99 is not one of the available choices.", Assert.Single(missing.Errors["cache_device"]));

        CacheSet set = CustomStorage.CreateCacheSet(machine, Form(("cache_device", "13")));
        Assert.Equal("cache0", CacheSet.NameOf(machine.Storage, set));
        var taken = Assert.Throws<MachineFormException>(() => CustomStorage.CreateCacheSet(machine, Form(("cache_device", "13"))));
        Assert.Single(taken.Errors["cache_device"]);

        var bad = Assert.Throws<MachineFormException>(() => CustomStorage.CreateBcache(machine, Form(("cache_set", "7"), ("cache_mode", "fast"))));
        Assert.Equal("Select a valid choice. 7 is not one of the available choices.", Assert.Single(bad.Errors["cache_set"]));
        Assert.Equal("Select a valid choice. fast is not one of the available choices.", Assert.Single(bad.Errors["cache_mode"]));
        Assert.Equal("Either backing_device or backing_partition must be specified.", Assert.Single(bad.Errors["__all__"]));
        var required = Assert.Throws<MachineFormException>(() => CustomStorage.CreateBcache(machine, Form(("backing_device", "12"))));
        Assert.Equal(FormErrorsRequired, Assert.Single(required.Errors["cache_set"]));
        Assert.Equal(FormErrorsRequired, Assert.Single(required.Errors["cache_mode"]));
        var twoBackings = Assert.Throws<MachineFormException>(() => CustomStorage.CreateBcache(machine,
            Form(("cache_set", "cache0"), ("cache_mode", "writeback"), ("backing_device", "12"), ("backing_partition", "11001"))));
        Assert.Equal("A Bcache can have either a backing device or partition.", Assert.Single(twoBackings.Errors["__all__"]));
        Assert.Null(machine.BlockDevices[1].Filesystem);

        Bcache bcache = CustomStorage.CreateBcache(machine, Form(("cache_set", set.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cache_mode", "writearound"), ("backing_device", "12")));
        Assert.Equal("bcache0", bcache.Name);
        StorageDevice device = CustomStorage.Device(machine, StorageIds.Virtual(bcache.Id));
        Assert.Equal(50 * StorageMachines.GiB, device.Size);
        Assert.Equal(StorageFilesystems.BcacheBacking, machine.BlockDevices[1].Filesystem?.Type);
        var dup = Assert.Throws<MachineFormException>(() => CustomStorage.CreateBcache(machine,
            Form(("name", "sda"), ("cache_set", "cache0"), ("cache_mode", "writeback"), ("backing_device", "11"))));
        Assert.Equal("Bcache with this Name already exists.", Assert.Single(dup.Errors["name"]));
        Assert.Contains("in use", Assert.Throws<MachineOperationException>(() => CustomStorage.DeleteCacheSet(machine, set)).Message, StringComparison.Ordinal);
        var asMember = Assert.Throws<MachineFormException>(() => CustomStorage.CreateVolumeGroup(machine, Form(("name", "vg0"), ("block_devices", device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.Single(asMember.Errors["block_devices"]);
    }

    [Fact]
    public void Updating_and_deleting_a_bcache_and_its_cache_set_move_and_free_their_devices()
    {
        Machine machine = StorageMachines.With(true, 100, 50, 20, 30);
        CacheSet set = CustomStorage.CreateCacheSet(machine, Form(("cache_device", "13")));
        Bcache bcache = CustomStorage.CreateBcache(machine, Form(("cache_set", "cache0"), ("cache_mode", "writeback"), ("backing_device", "12")));
        CustomStorage.UpdateBcache(machine, bcache, Form(("name", "fast0"), ("cache_mode", "writethrough"), ("backing_device", "14")));
        Assert.Equal(("fast0", "writethrough", StorageMember.Disk(14)), (bcache.Name, bcache.CacheMode, bcache.Backing));
        Assert.Null(machine.BlockDevices[1].Filesystem);
        Assert.Equal(StorageFilesystems.BcacheBacking, machine.BlockDevices[3].Filesystem?.Type);
        CustomStorage.UpdateCacheSet(machine, set, Form(("cache_device", "12")));
        Assert.Null(machine.BlockDevices[2].Filesystem);
        Assert.Equal(StorageFilesystems.BcacheCache, machine.BlockDevices[1].Filesystem?.Type);
        CustomStorage.DeleteBcache(machine, bcache);
        Assert.Null(machine.BlockDevices[3].Filesystem);
        CustomStorage.DeleteCacheSet(machine, set);
        Assert.True(machine.Storage.IsEmpty);
        Assert.All(machine.BlockDevices, d => Assert.Null(d.Filesystem));
    }

    private const string FormErrorsRequired = "This field is required.";

    private static NetworkForm Form(params (string Name, string Value)[] fields) => CustomStorageTests.Form(fields);
}
