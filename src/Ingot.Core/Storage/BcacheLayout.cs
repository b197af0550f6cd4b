using System.Globalization;
using Ingot.Core.Forms;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Storage;

/// <summary>
/// MAAS's <c>bcache</c> layout (<c>BcacheStorageLayout</c>): the flat layout with a <c>/boot</c> partition whose
/// root partition becomes the backing device of <c>bcache0</c> (ext4, label root, at <c>/</c>), cached by a cache
/// set on the cache device: <c>cache_device</c>, else the smallest disk tagged <c>ssd</c> other than the boot disk.
/// The cache set takes one partition of <c>cache_size</c> (default: the whole disk) or, with <c>cache_no_part</c>,
/// the whole disk. <c>cache_mode</c> defaults to writethrough.
/// </summary>
public static class BcacheLayout
{
    public const string DefaultCacheMode = "writethrough";

    public const long DefaultBootSize = 1024L * 1024 * 1024;

    /// <summary>Checks the bcache fields; null when the machine has no cache device (MAAS refuses then).</summary>
    public static BcachePlan? Plan(Machine machine, StorageLayoutRequest request, BlockDevice boot, FormErrors errors)
    {
        string mode = string.IsNullOrWhiteSpace(request.CacheMode) ? DefaultCacheMode : request.CacheMode.Trim();
        if (!Bcache.CacheModes.Contains(mode))
        {
            errors.Add("cache_mode", $"Select a valid choice. {mode} is not one of the available choices.");
        }

        bool noPart = request.CacheNoPart?.Trim().ToLowerInvariant() is "true" or "1" or "on" or "yes";
        BlockDevice? cache = CacheDisk(machine, request.CacheDevice, boot, errors);
        long? size = null;
        if (!string.IsNullOrWhiteSpace(request.CacheSize))
        {
            if (noPart)
            {
                const string both = "Cannot use cache_size and cache_no_part at the same time.";
                errors.Add("cache_size", both);
                errors.Add("cache_no_part", both);
            }
            else if (!StorageSize.TryParse(request.CacheSize, out long bytes, out double? percent))
            {
                errors.Add("cache_size", "Enter a valid size or percentage.");
            }
            else if (cache is not null)
            {
                size = percent is double p ? (long)(cache.SizeBytes * p / 100) : bytes;
                if (size < StorageSpace.MinPartitionSize)
                {
                    errors.Add("cache_size", $"Size is too small. Minimum size is {StorageSpace.MinPartitionSize}.");
                }
                else if (size > cache.SizeBytes)
                {
                    errors.Add("cache_size", $"Size is too large. Maximum size is {cache.SizeBytes}.");
                }
            }
        }

        if (cache is null || !errors.IsEmpty)
        {
            return null;
        }

        long available = StorageSpace.Aligned(cache.SizeBytes - StorageSpace.TableOverhead(machine));
        long? partition = noPart ? null : StorageSpace.Aligned(Math.Min(size ?? available, available));
        if (partition < StorageSpace.MinPartitionSize)
        {
            errors.Add("cache_device", $"The cache device {cache.Name} is too small for a cache partition.");
            return null;
        }

        return new BcachePlan(cache, partition, mode);
    }

    /// <summary>Adds the cache set and <c>bcache0</c> over <paramref name="backing"/> (the machine was just cleared).</summary>
    public static void Build(Machine machine, BcachePlan plan, StorageMember backing)
    {
        StorageMember cacheMember = StorageMember.Disk(plan.CacheDisk.Id);
        if (plan.CachePartitionSize is long size)
        {
            plan.CacheDisk.Partitions.Add(new Partition { SizeBytes = size });
            cacheMember = StorageMember.Partition(plan.CacheDisk.Id, plan.CacheDisk.Partitions.Count - 1);
            plan.CacheDisk.Partitions[^1].Filesystem = new Filesystem { Type = StorageFilesystems.BcacheCache };
        }
        else
        {
            plan.CacheDisk.Filesystem = new Filesystem { Type = StorageFilesystems.BcacheCache };
        }

        var set = new CacheSet { Id = machine.Storage.NextId(), Device = cacheMember };
        machine.Storage.CacheSets.Add(set);
        BlockDevice disk = machine.BlockDevices.First(d => d.Id == backing.DiskId);
        disk.Partitions[backing.PartitionIndex!.Value].Filesystem = new Filesystem { Type = StorageFilesystems.BcacheBacking };
        machine.Storage.Bcaches.Add(new Bcache
        {
            Id = machine.Storage.NextId(),
            Name = "bcache0",
            CacheSetId = set.Id,
            Backing = backing,
            CacheMode = plan.CacheMode,
            Filesystem = new Filesystem { Type = "ext4", Label = "root", MountPoint = "/" },
        });
    }

    private static BlockDevice? CacheDisk(Machine machine, string? text, BlockDevice boot, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return machine.BlockDevices.Where(d => !ReferenceEquals(d, boot) && d.Tags.Contains("ssd")).OrderBy(d => d.SizeBytes).ThenBy(d => d.Id).FirstOrDefault();
        }

        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            && machine.BlockDevices.FirstOrDefault(d => d.Id == id && !ReferenceEquals(d, boot)) is { } disk)
        {
            return disk;
        }

        string choices = string.Join(", ", machine.BlockDevices.Where(d => !ReferenceEquals(d, boot)).OrderBy(d => d.Id).Select(d => d.Id.ToString(CultureInfo.InvariantCulture)));
        errors.Add("cache_device", $"'{text}' is not a valid cache_device.  It should be one of: '{choices}'.");
        return null;
    }
}
