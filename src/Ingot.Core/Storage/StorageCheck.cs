using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Storage;

/// <summary>
/// What must hold before a machine is deployed (MAAS refuses the deploy with these messages): something is
/// mounted at <c>/</c>, UEFI machines have their EFI partition on the boot disk, and the configuration still
/// fits the disks commissioning last reported (partitions within each disk, every group's member present).
/// </summary>
public static class StorageCheck
{
    public static IReadOnlyList<string> Problems(Machine machine)
    {
        var problems = new List<string>();
        if (!Filesystems(machine).Any(f => f.MountPoint == "/"))
        {
            problems.Add("Mount the root '/' filesystem to be able to deploy this node.");
        }

        if (StorageSpace.IsUefi(machine) && StorageSpace.BootDisk(machine) is { } boot && machine.BlockDevices.Any(d => d.Partitions.Count > 0)
            && !machine.BlockDevices.SelectMany(d => d.Partitions).Any(p => p.Filesystem?.MountPoint == "/boot/efi"))
        {
            problems.Add($"This node cannot be deployed because it boots with UEFI and has no EFI system partition mounted at /boot/efi (boot disk {boot.Name}).");
        }

        foreach (BlockDevice disk in machine.BlockDevices)
        {
            long used = disk.Partitions.Sum(p => p.SizeBytes);
            if (disk.Partitions.Count > 0 && used + StorageSpace.TableOverhead(machine) > disk.SizeBytes)
            {
                problems.Add($"The partitions on {disk.Name} need {used} bytes and the partition table, more than the disk's {disk.SizeBytes} bytes.");
            }
        }

        foreach (StorageMember member in machine.Storage.VolumeGroups.SelectMany(v => v.Members).Concat(machine.Storage.Raids.SelectMany(r => r.Members.Concat(r.Spares))))
        {
            if (member.RaidId is null && !Exists(machine, member))
            {
                problems.Add($"A volume group or RAID uses a disk or partition the machine no longer has (disk id {member.DiskId}).");
            }
        }

        foreach (StorageMember member in machine.Storage.CacheSets.Select(c => c.Device).Concat(machine.Storage.Bcaches.Select(b => b.Backing)))
        {
            if (member.RaidId is null && !Exists(machine, member))
            {
                problems.Add($"A bcache or cache set uses a disk or partition the machine no longer has (disk id {member.DiskId}).");
            }
        }

        foreach (Bcache bcache in machine.Storage.Bcaches.Where(b => machine.Storage.CacheSets.All(c => c.Id != b.CacheSetId)))
        {
            problems.Add($"The bcache {bcache.Name} has no cache set.");
        }

        foreach (VolumeGroup group in machine.Storage.VolumeGroups)
        {
            long size = StorageSpace.VolumeGroupSize(machine, group);
            long used = group.LogicalVolumes.Sum(l => l.SizeBytes);
            if (used > size)
            {
                problems.Add($"The logical volumes of {group.Name} need {used} bytes, more than its {size} bytes.");
            }
        }

        return problems;
    }

    private static bool Exists(Machine machine, StorageMember member) =>
        machine.BlockDevices.FirstOrDefault(d => d.Id == member.DiskId) is { } disk
        && (member.PartitionIndex is not int index || index < disk.Partitions.Count);

    private static IEnumerable<Filesystem> Filesystems(Machine machine) =>
        machine.BlockDevices.Select(d => d.Filesystem)
            .Concat(machine.BlockDevices.SelectMany(d => d.Partitions).Select(p => p.Filesystem))
            .Concat(machine.Storage.Raids.Select(r => r.Filesystem))
            .Concat(machine.Storage.VolumeGroups.SelectMany(v => v.LogicalVolumes).Select(l => l.Filesystem))
            .Concat(machine.Storage.Bcaches.Select(b => b.Filesystem))
            .OfType<Filesystem>();
}
