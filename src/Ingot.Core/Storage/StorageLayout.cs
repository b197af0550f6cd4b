using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Storage;

/// <summary>
/// MAAS's storage layouts (<c>storage_layouts.py</c>) applied to a machine's real disks: <c>flat</c> (an EFI
/// partition on UEFI, an optional <c>/boot</c>, and an ext4 root), <c>lvm</c> (the root partition as the
/// physical volume of <c>vgroot</c> with <c>lvroot</c> as root), <c>bcache</c> (the root partition as a bcache's backing
/// device, cached by the smallest SSD; <see cref="BcacheLayout"/>) and <c>blank</c> (nothing). The request is
/// validated against the disks first; a refusal changes nothing (400 with MAAS's messages).
/// </summary>
public static class StorageLayout
{
    public const long EfiPartitionSize = 512 * StorageSpace.MiB;

    public const long MinBootPartitionSize = 512 * StorageSpace.MiB;

    public const long MinRootPartitionSize = 3L * 1024 * StorageSpace.MiB;

    public static readonly IReadOnlyList<string> Names = ["flat", "lvm", "bcache", "vmfs6", "vmfs7", "custom", "blank"];

    /// <summary>Checks <paramref name="request"/> against the machine's disks and, if it fits, replaces the whole storage configuration.</summary>
    public static void Apply(Machine machine, StorageLayoutRequest request)
    {
        var errors = new FormErrors();
        string layout = string.IsNullOrWhiteSpace(request.Layout) ? "flat" : request.Layout.Trim();
        if (!Names.Contains(layout))
        {
            errors.Add("storage_layout", $"Select a valid choice. {layout} is not one of the available choices.");
            errors.ThrowIfAny();
        }

        if (layout is "vmfs6" or "vmfs7" or "custom")
        {
            throw MachineOperationException.Validation($"Failed to configure storage layout '{layout}': Ingot does not offer the {layout} layout.");
        }

        if (layout == "blank")
        {
            Clear(machine);
            return;
        }

        if (machine.BlockDevices.Count == 0)
        {
            throw MachineOperationException.Validation("Machine is missing a boot disk; no storage layout can be applied.");
        }

        BlockDevice boot = StorageSpace.BootDisk(machine)!;
        long efi = StorageSpace.IsUefi(machine) ? EfiPartitionSize : 0;
        BlockDevice root = RootDevice(machine, request.RootDevice, errors);
        long? bootSize = Size(errors, "boot_size", request.BootSize, boot.SizeBytes - EfiPartitionSize, MinBootPartitionSize, boot.SizeBytes - EfiPartitionSize - MinRootPartitionSize);
        long? rootSize = Size(errors, "root_size", request.RootSize, boot.SizeBytes - EfiPartitionSize, MinRootPartitionSize, boot.SizeBytes - EfiPartitionSize - MinBootPartitionSize);
        errors.ThrowIfAny();
        if (rootSize is long r && EfiPartitionSize + (bootSize ?? 0) + r > boot.SizeBytes)
        {
            throw FormErrors.OnField("__all__", "Size of the boot partition and root partition are larger than the available space on the boot disk.");
        }

        long overhead = StorageSpace.TableOverhead(machine);
        long bootFree = boot.SizeBytes - overhead - efi - (bootSize ?? 0);
        long rootFree = root == boot ? bootFree : root.SizeBytes - overhead;
        long rootPartition = StorageSpace.Aligned(Math.Min(rootSize ?? rootFree, rootFree));
        if (rootPartition < MinRootPartitionSize)
        {
            throw MachineOperationException.Validation(
                $"Failed to configure storage layout '{layout}': the root device {root.Name} has {rootPartition} bytes free after the boot partitions, less than the {MinRootPartitionSize} bytes a root filesystem needs.");
        }

        BcachePlan? bcache = null;
        if (layout == "bcache")
        {
            bcache = BcacheLayout.Plan(machine, request, boot, errors);
            errors.ThrowIfAny();
            if (bcache is null)
            {
                throw MachineOperationException.Validation($"Failed to configure storage layout '{layout}': Node doesn't have an available cache device to setup bcache.");
            }

            // MAAS's bcache layout always has a /boot partition (1 GiB unless boot_size says otherwise).
            if (bootSize is null)
            {
                bootSize = BcacheLayout.DefaultBootSize;
                bootFree -= bootSize.Value;
                rootFree = root == boot ? bootFree : rootFree;
                rootPartition = StorageSpace.Aligned(Math.Min(rootSize ?? rootFree, rootFree));
                if (rootPartition < MinRootPartitionSize)
                {
                    throw MachineOperationException.Validation(
                        $"Failed to configure storage layout '{layout}': the root device {root.Name} has {rootPartition} bytes free after the boot partitions, less than the {MinRootPartitionSize} bytes a root filesystem needs.");
                }
            }
        }

        long? lvSize = null;
        if (layout == "lvm")
        {
            lvSize = LvSize(errors, request.LvSize, rootPartition);
            ValidName(errors, "vg_name", request.VgName);
            ValidName(errors, "lv_name", request.LvName);
            errors.ThrowIfAny();
        }

        Clear(machine);
        boot.IsBootDisk = true;
        if (efi > 0)
        {
            boot.Partitions.Add(new Partition { SizeBytes = efi, Bootable = true, Filesystem = new Filesystem { Type = "fat32", Label = "efi", MountPoint = "/boot/efi" } });
        }

        if (bootSize is long b)
        {
            boot.Partitions.Add(new Partition { SizeBytes = StorageSpace.Aligned(b), Bootable = true, Filesystem = new Filesystem { Type = "ext4", Label = "boot", MountPoint = "/boot" } });
        }

        var partition = new Partition { SizeBytes = rootPartition };
        root.Partitions.Add(partition);
        if (layout == "flat")
        {
            partition.Filesystem = new Filesystem { Type = "ext4", Label = "root", MountPoint = "/" };
            return;
        }

        if (bcache is not null)
        {
            BcacheLayout.Build(machine, bcache, StorageMember.Partition(root.Id, root.Partitions.Count - 1));
            return;
        }

        partition.Filesystem = new Filesystem { Type = StorageFilesystems.LvmPv };
        var group = new VolumeGroup { Id = 1, Name = Named(request.VgName, "vgroot"), Members = [StorageMember.Partition(root.Id, root.Partitions.Count - 1)] };

        // MAAS's get_calculated_lv_size: lv_size, else the whole volume group (get_size: LVM's overhead taken off).
        group.LogicalVolumes.Add(new LogicalVolume
        {
            Id = 2,
            Name = Named(request.LvName, "lvroot"),
            SizeBytes = StorageSpace.Aligned(lvSize ?? StorageSpace.VolumeGroupSize(machine, group)),
            Filesystem = new Filesystem { Type = "ext4", Label = "root", MountPoint = "/" },
        });
        machine.Storage.VolumeGroups.Add(group);
    }

    /// <summary>
    /// What <see cref="Apply"/> would make of <paramref name="machine"/>'s disks, on a <see cref="Machine.StorageDraft"/>
    /// (the machine itself is unchanged): the same code, so the same result or the same refusal.
    /// </summary>
    public static Machine Preview(Machine machine, StorageLayoutRequest request)
    {
        ArgumentNullException.ThrowIfNull(machine);
        Machine draft = machine.StorageDraft();
        Apply(draft, request);
        return draft;
    }

    /// <summary>MAAS's <c>_clear_full_storage_configuration</c>: every partition table, filesystem and group goes.</summary>
    public static void Clear(Machine machine)
    {
        foreach (BlockDevice disk in machine.BlockDevices)
        {
            disk.Partitions.Clear();
            disk.Filesystem = null;
        }

        machine.Storage.VolumeGroups.Clear();
        machine.Storage.Raids.Clear();
        machine.Storage.CacheSets.Clear();
        machine.Storage.Bcaches.Clear();
    }

    private static BlockDevice RootDevice(Machine machine, string? text, FormErrors errors)
    {
        BlockDevice boot = StorageSpace.BootDisk(machine)!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return boot;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && machine.BlockDevices.FirstOrDefault(d => d.Id == id) is { } disk)
        {
            return disk;
        }

        string choices = string.Join(", ", machine.BlockDevices.OrderBy(d => d.Id).Select(d => d.Id.ToString(CultureInfo.InvariantCulture)));
        errors.Add("root_device", $"'{text}' is not a valid root_device.  It should be one of: '{choices}'.");
        return boot;
    }

    /// <summary><c>_clean_size</c>: a percentage is of the boot disk without the EFI partition.</summary>
    private static long? Size(FormErrors errors, string field, string? text, long percentBase, long min, long max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!StorageSize.TryParse(text, out long bytes, out double? percent))
        {
            errors.Add(field, "Enter a valid size or percentage.");
            return null;
        }

        long size = percent is double p ? (long)(percentBase * p / 100) : bytes;
        if (size < min)
        {
            errors.Add(field, $"Size is too small. Minimum size is {min}.");
        }
        else if (size > max)
        {
            errors.Add(field, $"Size is too large. Maximum size is {max}.");
        }

        return size;
    }

    private static long? LvSize(FormErrors errors, string? text, long rootSize)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!StorageSize.TryParse(text, out long bytes, out double? percent))
        {
            errors.Add("lv_size", "Enter a valid size or percentage.");
            return null;
        }

        long size = percent is double p ? (long)(rootSize * p / 100) : bytes;
        if (size < MinRootPartitionSize)
        {
            errors.Add("lv_size", $"Size is too small. Minimum size is {MinRootPartitionSize}.");
        }

        if (size > rootSize)
        {
            errors.Add("lv_size", $"Size is too large. Maximum size is {rootSize}.");
        }

        return size;
    }

    private static void ValidName(FormErrors errors, string field, string? name)
    {
        if (!string.IsNullOrEmpty(name) && !StorageNames.IsValid(name))
        {
            errors.Add(field, StorageNames.InvalidMessage);
        }
    }

    private static string Named(string? name, string fallback) => string.IsNullOrWhiteSpace(name) ? fallback : name.Trim();
}
