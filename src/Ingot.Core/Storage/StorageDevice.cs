using Ingot.Core.Hardware;

namespace Ingot.Core.Storage;

/// <summary>
/// A block device of a machine as the storage API addresses it: a physical disk, a logical volume, a RAID's md
/// device or a bcache device, with its size and the filesystem directly on it.
/// </summary>
public sealed record StorageDevice(long Id, string Name, long Size, BlockDevice? Disk, LogicalVolume? Volume, VolumeGroup? Group, Raid? Raid, Bcache? Bcache = null)
{
    public bool IsPhysical => Disk is not null;

    public Filesystem? Filesystem
    {
        get => Disk?.Filesystem ?? Volume?.Filesystem ?? Raid?.Filesystem ?? Bcache?.Filesystem;
        set
        {
            if (Disk is not null)
            {
                Disk.Filesystem = value;
            }
            else if (Volume is not null)
            {
                Volume.Filesystem = value;
            }
            else if (Raid is not null)
            {
                Raid.Filesystem = value;
            }
            else if (Bcache is not null)
            {
                Bcache.Filesystem = value;
            }
        }
    }
}
