using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;

namespace Ingot.Core.Storage;

/// <summary>
/// MAAS's custom storage edits on a machine, pure: format, mount, unformat and unmount a block device or
/// partition, partitions, the boot disk. Volume groups and RAIDs are in the other part. Each checks first
/// and changes nothing when it refuses (400 with field messages, or a plain 400/404).
/// </summary>
public static partial class CustomStorage
{
    /// <summary>Every block device of the machine: disks, then RAIDs' md devices, then logical volumes, then bcache devices.</summary>
    public static IEnumerable<StorageDevice> Devices(Machine machine)
    {
        foreach (BlockDevice disk in machine.BlockDevices)
        {
            yield return new StorageDevice(disk.Id, disk.Name, disk.SizeBytes, disk, null, null, null);
        }

        foreach (Raid raid in machine.Storage.Raids)
        {
            yield return new StorageDevice(StorageIds.Virtual(raid.Id), raid.Name, StorageSpace.RaidSize(machine, raid), null, null, null, raid);
        }

        foreach (VolumeGroup group in machine.Storage.VolumeGroups)
        {
            foreach (LogicalVolume volume in group.LogicalVolumes)
            {
                yield return new StorageDevice(StorageIds.Virtual(volume.Id), $"{group.Name}-{volume.Name}", volume.SizeBytes, null, volume, group, null);
            }
        }

        foreach (Bcache bcache in machine.Storage.Bcaches)
        {
            yield return new StorageDevice(StorageIds.Virtual(bcache.Id), bcache.Name, StorageSpace.SizeOf(machine, bcache.Backing), null, null, null, null, bcache);
        }
    }

    public static StorageDevice Device(Machine machine, long id) =>
        Devices(machine).FirstOrDefault(d => d.Id == id) ?? throw NotFound.Of("BlockDevice");

    public static (BlockDevice Disk, int Index) Partition(Machine machine, long diskId, long partitionId)
    {
        (long owner, int index) = StorageIds.SplitPartition(partitionId);
        BlockDevice? disk = machine.BlockDevices.FirstOrDefault(d => d.Id == diskId);
        if (disk is null || owner != diskId || index < 0 || index >= disk.Partitions.Count)
        {
            throw NotFound.Of("Partition");
        }

        return (disk, index);
    }

    /// <summary>
    /// <c>format</c>: <c>fstype</c> (required), <c>label</c>, <c>uuid</c>. A disk with partitions, or a device
    /// that is a volume group's or RAID's member, cannot be formatted.
    /// </summary>
    public static Filesystem Format(Filesystem? current, bool hasPartitions, NetworkForm form, string what)
    {
        var errors = new FormErrors();
        string? fstype = form.Get("fstype")?.Trim();
        if (string.IsNullOrEmpty(fstype))
        {
            errors.Add("fstype", FormErrors.Required);
        }
        else if (!StorageFilesystems.Formattable.Contains(fstype))
        {
            errors.Add("fstype", $"Select a valid choice. {fstype} is not one of the available choices.");
        }

        if (form.Get("uuid") is { Length: > 0 } uuid && !Guid.TryParse(uuid, out _))
        {
            errors.Add("uuid", "Enter a valid UUID.");
        }

        errors.ThrowIfAny();
        if (hasPartitions)
        {
            throw MachineOperationException.Validation($"Cannot format {what} with a partition table.");
        }

        if (current is not null && StorageFilesystems.IsMember(current.Type))
        {
            throw MachineOperationException.Validation($"Cannot format {what} because it is in use by a volume group or RAID.");
        }

        return new Filesystem { Type = fstype!, Label = form.Get("label")?.Trim() ?? "" };
    }

    /// <summary><c>mount</c>: <c>mount_point</c> (absolute, or "none" for swap) and <c>mount_options</c>.</summary>
    public static void Mount(Machine machine, Filesystem? filesystem, NetworkForm form, string what)
    {
        if (filesystem is null || StorageFilesystems.IsMember(filesystem.Type))
        {
            throw MachineOperationException.Validation($"Cannot mount an unformatted {what}.");
        }

        string mountPoint = form.Get("mount_point")?.Trim() ?? "";
        if (filesystem.Type == "swap")
        {
            mountPoint = "none";
        }
        else if (mountPoint.Length == 0)
        {
            throw FormErrors.OnField("mount_point", FormErrors.Required);
        }
        else if (!mountPoint.StartsWith('/') || mountPoint.Contains("//", StringComparison.Ordinal))
        {
            throw FormErrors.OnField("mount_point", "Enter a valid absolute path.");
        }
        else if (mountPoint != filesystem.MountPoint && MountPoints(machine).Contains(mountPoint))
        {
            throw FormErrors.OnField("mount_point", $"Another filesystem is already mounted at {mountPoint}.");
        }

        filesystem.MountPoint = mountPoint;
        filesystem.MountOptions = form.Get("mount_options")?.Trim() ?? "";
    }

    public static void Unmount(Filesystem? filesystem, string what)
    {
        if (filesystem is null)
        {
            throw MachineOperationException.Validation($"{what} is not formatted.");
        }

        if (filesystem.MountPoint.Length == 0)
        {
            throw MachineOperationException.Validation("Filesystem is already unmounted.");
        }

        filesystem.MountPoint = "";
        filesystem.MountOptions = "";
    }

    /// <summary>Checks that the filesystem may go: it must be unmounted and not a group's member.</summary>
    public static void CheckUnformat(Filesystem? filesystem, string what)
    {
        if (filesystem is null)
        {
            throw MachineOperationException.Validation($"{what} is not formatted.");
        }

        if (StorageFilesystems.IsMember(filesystem.Type))
        {
            throw MachineOperationException.Validation($"Cannot unformat {what.ToLowerInvariant()} because it is in use by a volume group or RAID.");
        }

        if (filesystem.MountPoint.Length > 0)
        {
            throw MachineOperationException.Validation($"Filesystem is mounted and cannot be unformatted. Unmount the filesystem before unformatting the {what.ToLowerInvariant()}.");
        }
    }

    /// <summary><c>set_boot_disk</c>: physical disks only.</summary>
    public static void SetBootDisk(Machine machine, StorageDevice device)
    {
        if (device.Disk is null)
        {
            throw MachineOperationException.Validation("Cannot set a virtual block device as the boot disk.");
        }

        foreach (BlockDevice disk in machine.BlockDevices)
        {
            disk.IsBootDisk = ReferenceEquals(disk, device.Disk);
        }
    }

    /// <summary><c>partitions create</c>: <c>size</c> (default: all that is free), <c>bootable</c>.</summary>
    public static int CreatePartition(Machine machine, StorageDevice device, NetworkForm form)
    {
        if (device.Disk is not { } disk)
        {
            throw MachineOperationException.Validation("Ingot partitions physical block devices only.");
        }

        if (disk.Filesystem is not null)
        {
            throw MachineOperationException.Validation("Cannot create a partition on a block device that is formatted or in use.");
        }

        long available = StorageSpace.Available(machine, disk);
        long size = available;
        if (form.Get("size") is { Length: > 0 } text)
        {
            if (!StorageSize.TryParse(text, out size, out double? percent) || percent is not null)
            {
                throw FormErrors.OnField("size", "Enter a valid size.");
            }

            size = StorageSpace.Aligned(size);
        }

        if (size < StorageSpace.MinPartitionSize)
        {
            throw FormErrors.OnField("size", available < StorageSpace.MinPartitionSize
                ? "There is no space left on the block device for a partition."
                : $"Size is too small. Minimum size is {StorageSpace.MinPartitionSize}.");
        }

        if (size > available)
        {
            throw FormErrors.OnField("size", $"Size is too large. Maximum size is {available}.");
        }

        disk.Partitions.Add(new Partition { SizeBytes = size, Bootable = form.Bool("bootable") == true });
        return disk.Partitions.Count - 1;
    }

    /// <summary>Deletes a partition; members of groups are refused; later partitions' places in groups move up.</summary>
    public static void DeletePartition(Machine machine, BlockDevice disk, int index)
    {
        if (disk.Partitions[index].Filesystem is { } fs && StorageFilesystems.IsMember(fs.Type))
        {
            throw MachineOperationException.Validation("Cannot delete partition because it is in use by a volume group or RAID.");
        }

        disk.Partitions.RemoveAt(index);
        ShiftBcacheMembers(machine, disk, index);
        foreach (List<StorageMember> members in MemberLists(machine))
        {
            for (int i = 0; i < members.Count; i++)
            {
                if (members[i].RaidId is null && members[i].DiskId == disk.Id && members[i].PartitionIndex > index)
                {
                    members[i] = StorageMember.Partition(disk.Id, members[i].PartitionIndex!.Value - 1);
                }
            }
        }
    }

    private static IEnumerable<List<StorageMember>> MemberLists(Machine machine) =>
        machine.Storage.VolumeGroups.Select(v => v.Members)
            .Concat(machine.Storage.Raids.Select(r => r.Members))
            .Concat(machine.Storage.Raids.Select(r => r.Spares));

    /// <summary>Moves cache sets' and bcaches' partition members up after partition <paramref name="index"/> of <paramref name="disk"/> went.</summary>
    private static void ShiftBcacheMembers(Machine machine, BlockDevice disk, int index)
    {
        static StorageMember Shift(StorageMember m, long diskId, int index) =>
            m.RaidId is null && m.DiskId == diskId && m.PartitionIndex > index ? StorageMember.Partition(diskId, m.PartitionIndex!.Value - 1) : m;
        foreach (CacheSet set in machine.Storage.CacheSets)
        {
            set.Device = Shift(set.Device, disk.Id, index);
        }

        foreach (Bcache bcache in machine.Storage.Bcaches)
        {
            bcache.Backing = Shift(bcache.Backing, disk.Id, index);
        }
    }

    private static HashSet<string> MountPoints(Machine machine) =>
        [.. Devices(machine).Select(d => d.Filesystem?.MountPoint)
            .Concat(machine.BlockDevices.SelectMany(d => d.Partitions).Select(p => p.Filesystem?.MountPoint))
            .Where(m => m is { Length: > 0 } and not "none")
            .Select(m => m!)];

    private static long? ParseId(string text) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;
}
