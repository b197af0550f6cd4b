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
