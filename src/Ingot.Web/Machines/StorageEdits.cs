using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Storage;
using Ingot.Core.Users;

namespace Ingot.Web.Machines;

/// <summary>
/// The storage forms of a machine's page, each one structural edit through Core's <see cref="StorageEditing"/>
/// (admin, Ready machine, checked before anything changes, one save) made of the calls the storage API makes:
/// <c>partitions create</c> then, when asked, <c>format</c> and <c>mount</c> (<see cref="CustomStorage"/>);
/// <c>volume-groups create</c>; <c>create_logical_volume</c> then format and mount. A refusal at any step
/// changes nothing. Fields use the API's names (<c>size</c>, <c>fstype</c>, <c>mount_point</c>, <c>name</c>,
/// <c>block_devices</c>, <c>partitions</c>).
/// </summary>
public sealed class StorageEdits(StorageEditing storage)
{
    public Task<Machine> AddPartitionAsync(Actor actor, string systemId, long diskId, NetworkForm form, CancellationToken ct) =>
        storage.EditStructureAsync(actor, systemId, "create partition", m =>
        {
            StorageDevice device = CustomStorage.Device(m, diskId);
            int index = CustomStorage.CreatePartition(m, device, form);
            Partition partition = device.Disk!.Partitions[index];
            if (form.Get("fstype") is { Length: > 0 })
            {
                partition.Filesystem = CustomStorage.Format(partition.Filesystem, false, form, "partition");
                if (form.Get("mount_point") is { Length: > 0 } || partition.Filesystem.Type == "swap")
                {
                    CustomStorage.Mount(m, partition.Filesystem, form, "partition");
                }
            }
        }, ct);

    public Task<Machine> CreateVolumeGroupAsync(Actor actor, string systemId, NetworkForm form, CancellationToken ct) =>
        storage.EditStructureAsync(actor, systemId, "create volume group", m => CustomStorage.CreateVolumeGroup(m, form), ct);

    public Task<Machine> CreateLogicalVolumeAsync(Actor actor, string systemId, long groupId, NetworkForm form, CancellationToken ct) =>
        storage.EditStructureAsync(actor, systemId, "create logical volume", m =>
        {
            VolumeGroup group = m.Storage.VolumeGroups.FirstOrDefault(g => g.Id == groupId) ?? throw Core.Forms.NotFound.Of("VolumeGroup");
            LogicalVolume volume = CustomStorage.CreateLogicalVolume(m, group, form);
            if (form.Get("fstype") is { Length: > 0 })
            {
                StorageDevice device = CustomStorage.Device(m, StorageIds.Virtual(volume.Id));
                device.Filesystem = CustomStorage.Format(device.Filesystem, false, form, "block device");
                if (form.Get("mount_point") is { Length: > 0 } || device.Filesystem.Type == "swap")
                {
                    CustomStorage.Mount(m, device.Filesystem, form, "block device");
                }
            }
        }, ct);

    /// <summary><c>raids create</c> (name, level, block_devices, partitions, spare_devices, spare_partitions).</summary>
    public Task<Machine> CreateRaidAsync(Actor actor, string systemId, NetworkForm form, CancellationToken ct) =>
        storage.EditStructureAsync(actor, systemId, "create RAID", m => CustomStorage.CreateRaid(m, form), ct);

    /// <summary><c>bcache-cache-sets create</c> (cache_device or cache_partition).</summary>
    public Task<Machine> CreateCacheSetAsync(Actor actor, string systemId, NetworkForm form, CancellationToken ct) =>
        storage.EditStructureAsync(actor, systemId, "create cache set", m => CustomStorage.CreateCacheSet(m, form), ct);

    /// <summary><c>bcaches create</c> (name, cache_set, backing_device or backing_partition, cache_mode).</summary>
    public Task<Machine> CreateBcacheAsync(Actor actor, string systemId, NetworkForm form, CancellationToken ct) =>
        storage.EditStructureAsync(actor, systemId, "create Bcache", m => CustomStorage.CreateBcache(m, form), ct);

    /// <summary>
    /// The filesystem of a device or partition, as MAAS's UI edits it: <c>format</c> when the type changes (or it has
    /// none), then <c>mount</c> when a mount point is given (or it is swap); one edit, so a refused mount formats nothing.
    /// </summary>
    public Task<Machine> FormatAndMountAsync(Actor actor, string systemId, StorageTarget target, NetworkForm form, CancellationToken ct) =>
        storage.EditFilesystemAsync(actor, systemId, $"format {target.What}", m =>
        {
            (Filesystem? current, bool partitioned, Action<Filesystem> set) = Locate(m, target);
            Filesystem? filesystem = current;
            if (current is null || current.Type != form.Get("fstype")?.Trim())
            {
                filesystem = CustomStorage.Format(current, partitioned, form, target.What);
                set(filesystem);
            }

            if (form.Get("mount_point") is { Length: > 0 } || filesystem?.Type == "swap")
            {
                CustomStorage.Mount(m, filesystem, form, target.What);
            }
        }, ct);

    /// <summary><c>unmount</c> of a device or partition.</summary>
    public Task<Machine> UnmountAsync(Actor actor, string systemId, StorageTarget target, CancellationToken ct) =>
        storage.EditFilesystemAsync(actor, systemId, $"unmount {target.What}", m =>
            CustomStorage.Unmount(Locate(m, target).Current, target.Partition is null ? "Block device" : "Partition"), ct);

    /// <summary><c>unformat</c> of a device or partition.</summary>
    public Task<Machine> UnformatAsync(Actor actor, string systemId, StorageTarget target, CancellationToken ct) =>
        storage.EditFilesystemAsync(actor, systemId, $"unformat {target.What}", m =>
        {
            (Filesystem? current, _, _) = Locate(m, target);
            CustomStorage.CheckUnformat(current, target.Partition is null ? "Block device" : "Partition");
            if (target.Partition is long partitionId)
            {
                (BlockDevice disk, int index) = CustomStorage.Partition(m, target.DeviceId, partitionId);
                disk.Partitions[index].Filesystem = null;
            }
            else
            {
                CustomStorage.Device(m, target.DeviceId).Filesystem = null;
            }
        }, ct);

    /// <summary><c>set_boot_disk</c> (physical disks; admin, Ready).</summary>
    public Task<Machine> SetBootDiskAsync(Actor actor, string systemId, long deviceId, CancellationToken ct) =>
        storage.EditStructureAsync(actor, systemId, "set boot disk", m => CustomStorage.SetBootDisk(m, CustomStorage.Device(m, deviceId)), ct);

    /// <summary>
    /// Deletes what a row of the storage table names, as its API delete does: a partition, a volume group (with its
    /// logical volumes), a logical volume, a RAID, a cache set, a bcache.
    /// </summary>
    public Task<Machine> DeleteAsync(Actor actor, string systemId, StorageRow row, CancellationToken ct) =>
        storage.EditStructureAsync(actor, systemId, $"delete {row.What}", m =>
        {
            switch (row.Kind)
            {
                case StorageRowKind.Partition:
                    (BlockDevice disk, int index) = CustomStorage.Partition(m, row.DeviceId, row.PartitionId!.Value);
                    CustomStorage.DeletePartition(m, disk, index);
                    break;
                case StorageRowKind.VolumeGroup:
                    CustomStorage.DeleteVolumeGroup(m, Group(m, row.GroupId!.Value));
                    break;
                case StorageRowKind.LogicalVolume:
                    VolumeGroup group = Group(m, row.GroupId!.Value);
                    LogicalVolume volume = CustomStorage.Device(m, row.DeviceId).Volume ?? throw Core.Forms.NotFound.Of("BlockDevice");
                    CustomStorage.DeleteLogicalVolume(group, group.LogicalVolumes.First(l => ReferenceEquals(l, volume)));
                    break;
                case StorageRowKind.Raid:
                    CustomStorage.DeleteRaid(m, CustomStorage.Device(m, row.DeviceId).Raid ?? throw Core.Forms.NotFound.Of("RAID"));
                    break;
                case StorageRowKind.CacheSet:
                    CustomStorage.DeleteCacheSet(m, m.Storage.CacheSets.FirstOrDefault(c => c.Id == row.GroupId) ?? throw Core.Forms.NotFound.Of("CacheSet"));
                    break;
                case StorageRowKind.Bcache:
                    CustomStorage.DeleteBcache(m, CustomStorage.Device(m, row.DeviceId).Bcache ?? throw Core.Forms.NotFound.Of("Bcache"));
                    break;
                default:
                    throw MachineOperationException.Validation("Ingot does not delete physical disks from the web UI.");
            }
        }, ct);

    private static VolumeGroup Group(Machine machine, long id) =>
        machine.Storage.VolumeGroups.FirstOrDefault(g => g.Id == id) ?? throw Core.Forms.NotFound.Of("VolumeGroup");

    /// <summary>The filesystem of a target, whether it is a disk with partitions, and how to replace the filesystem.</summary>
    private static (Filesystem? Current, bool Partitioned, Action<Filesystem> Set) Locate(Machine machine, StorageTarget target)
    {
        if (target.Partition is long partitionId)
        {
            (BlockDevice disk, int index) = CustomStorage.Partition(machine, target.DeviceId, partitionId);
            Partition partition = disk.Partitions[index];
            return (partition.Filesystem, false, f => partition.Filesystem = f);
        }

        StorageDevice device = CustomStorage.Device(machine, target.DeviceId);
        return (device.Filesystem, device.Disk?.Partitions.Count > 0, f => device.Filesystem = f);
    }

    /// <summary>The disks and partitions a volume group may take: no filesystem, no partitions (by the API's ids).</summary>
    public static IEnumerable<(string Field, long Id, string Name, long Size)> FreeMembers(Machine machine)
    {
        foreach (BlockDevice disk in machine.BlockDevices)
        {
            if (disk.Filesystem is null && disk.Partitions.Count == 0)
            {
                yield return ("block_devices", disk.Id, disk.Name, disk.SizeBytes);
            }

            for (int i = 0; i < disk.Partitions.Count; i++)
            {
                if (disk.Partitions[i].Filesystem is null)
                {
                    yield return ("partitions", StorageIds.Partition(disk.Id, i), $"{disk.Name}-part{i + 1}", disk.Partitions[i].SizeBytes);
                }
            }
        }
    }
}
