using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;

namespace Ingot.Core.Storage;

public static partial class CustomStorage
{
    private static readonly Dictionary<string, int> s_raidMinimum = new(StringComparer.Ordinal)
    {
        ["raid-0"] = 2,
        ["raid-1"] = 2,
        ["raid-5"] = 3,
        ["raid-6"] = 4,
        ["raid-10"] = 3,
    };

    /// <summary><c>volume-groups create</c>: <c>name</c>, <c>block_devices</c> and <c>partitions</c> (ids, repeatable).</summary>
    public static VolumeGroup CreateVolumeGroup(Machine machine, NetworkForm form)
    {
        var errors = new FormErrors();
        string name = GroupName(machine, form, errors, machine.Storage.VolumeGroups.Select(v => v.Name), "Volume group");
        List<StorageMember> members = Members(machine, form, "block_devices", "partitions", errors);
        if (members.Count == 0 && !errors.Has("block_devices") && !errors.Has("partitions"))
        {
            errors.Add("__all__", "At least one valid block device or partition is required.");
        }

        errors.ThrowIfAny();
        var group = new VolumeGroup { Id = machine.Storage.NextId(), Name = name, Members = members };
        Claim(machine, members, StorageFilesystems.LvmPv);
        machine.Storage.VolumeGroups.Add(group);
        return group;
    }

    /// <summary><c>create_logical_volume</c>: <c>name</c> (required), <c>size</c> (default: what is free in the group).</summary>
    public static LogicalVolume CreateLogicalVolume(Machine machine, VolumeGroup group, NetworkForm form)
    {
        var errors = new FormErrors();
        string name = form.Get("name")?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("name", FormErrors.Required);
        }
        else if (!StorageNames.IsValid(name))
        {
            errors.Add("name", StorageNames.InvalidMessage);
        }
        else if (group.LogicalVolumes.Any(l => l.Name == name))
        {
            errors.Add("name", $"A logical volume named {name} already exists in {group.Name}.");
        }

        long free = StorageSpace.VolumeGroupFree(machine, group);
        long size = free;
        if (form.Get("size") is { Length: > 0 } text)
        {
            if (!StorageSize.TryParse(text, out size, out double? percent))
            {
                errors.Add("size", "Enter a valid size or percentage.");
            }
            else if (percent is double p)
            {
                size = (long)(free * p / 100);
            }
        }

        if (!errors.Has("size"))
        {
            if (size < StorageSpace.MinPartitionSize)
            {
                errors.Add("size", $"Size is too small. Minimum size is {StorageSpace.MinPartitionSize}.");
            }
            else if (size > free)
            {
                errors.Add("size", $"Size is too large. Maximum size is {free}.");
            }
        }

        errors.ThrowIfAny();
        var volume = new LogicalVolume { Id = machine.Storage.NextId(), Name = name, SizeBytes = size };
        group.LogicalVolumes.Add(volume);
        return volume;
    }

    /// <summary>Deletes a volume group with its logical volumes; its physical volumes become unformatted.</summary>
    public static void DeleteVolumeGroup(Machine machine, VolumeGroup group)
    {
        Release(machine, group.Members);
        machine.Storage.VolumeGroups.Remove(group);
    }

    /// <summary><c>delete_logical_volume</c>: refused while the volume is itself a group's member.</summary>
    public static void DeleteLogicalVolume(VolumeGroup group, LogicalVolume volume)
    {
        if (volume.Filesystem is { } fs && StorageFilesystems.IsMember(fs.Type))
        {
            throw MachineOperationException.Validation("Cannot delete a logical volume that is in use.");
        }

        group.LogicalVolumes.Remove(volume);
    }

    /// <summary>
    /// <c>raids create</c>: <c>name</c>, <c>level</c>, <c>block_devices</c>, <c>partitions</c>, <c>spare_devices</c>,
    /// <c>spare_partitions</c>; each level needs its number of active members (MAAS's minimums).
    /// </summary>
    public static Raid CreateRaid(Machine machine, NetworkForm form)
    {
        var errors = new FormErrors();
        string level = form.Get("level")?.Trim() ?? "";
        if (level.Length == 0)
        {
            errors.Add("level", FormErrors.Required);
        }
        else if (!s_raidMinimum.ContainsKey(level))
        {
            errors.Add("level", $"Select a valid choice. {level} is not one of the available choices.");
        }

        string name = form.Get("name") is { Length: > 0 } ? GroupName(machine, form, errors, machine.Storage.Raids.Select(r => r.Name), "RAID") : NextMdName(machine);
        List<StorageMember> members = Members(machine, form, "block_devices", "partitions", errors);
        List<StorageMember> spares = Members(machine, form, "spare_devices", "spare_partitions", errors);
        if (members.Intersect(spares).Any())
        {
            errors.Add("__all__", "A device cannot be both an active member and a spare.");
        }

        errors.ThrowIfAny();
        int minimum = s_raidMinimum[level];
        if (members.Count < minimum)
        {
            string number = level[5..];
            throw FormErrors.OnField("__all__", $"RAID level {number} must have at least {minimum} raid devices and any number of spares.");
        }

        var raid = new Raid { Id = machine.Storage.NextId(), Name = name, Level = level, Members = members, Spares = spares };
        Claim(machine, members, StorageFilesystems.RaidMember);
        Claim(machine, spares, StorageFilesystems.RaidSpare);
        machine.Storage.Raids.Add(raid);
        return raid;
    }

    /// <summary>Deletes a RAID that is not itself a volume group's member; its members become unformatted.</summary>
    public static void DeleteRaid(Machine machine, Raid raid)
    {
        if (raid.Filesystem is { } fs && StorageFilesystems.IsMember(fs.Type))
        {
            throw MachineOperationException.Validation($"Cannot delete {raid.Name} because it is in use by a volume group.");
        }

        Release(machine, raid.Members);
        Release(machine, raid.Spares);
        machine.Storage.Raids.Remove(raid);
    }

    private static string GroupName(Machine machine, NetworkForm form, FormErrors errors, IEnumerable<string> taken, string model)
    {
        string name = form.Get("name")?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("name", FormErrors.Required);
        }
        else if (!StorageNames.IsValid(name))
        {
            errors.Add("name", StorageNames.InvalidMessage);
        }
        else if (taken.Contains(name) || machine.BlockDevices.Any(d => d.Name == name))
        {
            errors.Add("name", FormErrors.AlreadyExists(model));
        }

        return name;
    }

    private static string NextMdName(Machine machine)
    {
        int n = 0;
        while (machine.Storage.Raids.Any(r => r.Name == $"md{n}"))
        {
            n++;
        }

        return $"md{n}";
    }

    /// <summary>The members named by the block device and partition id fields; each must be free (no filesystem, no partitions).</summary>
    private static List<StorageMember> Members(Machine machine, NetworkForm form, string deviceField, string partitionField, FormErrors errors)
    {
        var members = new List<StorageMember>();
        foreach (string text in form.GetAll(deviceField).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            StorageDevice? device = ParseId(text) is long id ? Devices(machine).FirstOrDefault(d => d.Id == id) : null;
            if (device is null || device.Volume is not null || device.Bcache is not null)
            {
                errors.Add(deviceField, $"{text.Trim()} is not a valid block device id.");
            }
            else if (device.Filesystem is not null || device.Disk?.Partitions.Count > 0)
            {
                errors.Add(deviceField, $"{device.Name} is in use: it is formatted or partitioned.");
            }
            else
            {
                members.Add(device.Raid is { } raid ? StorageMember.Raid(raid.Id) : StorageMember.Disk(device.Id));
            }
        }

        foreach (string text in form.GetAll(partitionField).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            (long diskId, int index) = ParseId(text) is long id ? StorageIds.SplitPartition(id) : (0, -1);
            BlockDevice? disk = machine.BlockDevices.FirstOrDefault(d => d.Id == diskId);
            if (disk is null || index < 0 || index >= disk.Partitions.Count)
            {
                errors.Add(partitionField, $"{text.Trim()} is not a valid partition id.");
            }
            else if (disk.Partitions[index].Filesystem is not null)
            {
                errors.Add(partitionField, $"Partition {text.Trim()} is in use: it is formatted.");
            }
            else
            {
                members.Add(StorageMember.Partition(diskId, index));
            }
        }

        return [.. members.Distinct()];
    }

    private static void Claim(Machine machine, IEnumerable<StorageMember> members, string type)
    {
        foreach (StorageMember member in members)
        {
            SetMemberFilesystem(machine, member, new Filesystem { Type = type });
        }
    }

    private static void Release(Machine machine, IEnumerable<StorageMember> members)
    {
        foreach (StorageMember member in members)
        {
            SetMemberFilesystem(machine, member, null);
        }
    }

    private static void SetMemberFilesystem(Machine machine, StorageMember member, Filesystem? filesystem)
    {
        if (member.RaidId is long raidId)
        {
            if (machine.Storage.Raids.FirstOrDefault(r => r.Id == raidId) is { } raid)
            {
                raid.Filesystem = filesystem;
            }

            return;
        }

        if (machine.BlockDevices.FirstOrDefault(d => d.Id == member.DiskId) is not { } disk)
        {
            return;
        }

        if (member.PartitionIndex is int index)
        {
            disk.Partitions[index].Filesystem = filesystem;
        }
        else
        {
            disk.Filesystem = filesystem;
        }
    }
}
