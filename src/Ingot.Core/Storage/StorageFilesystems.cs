namespace Ingot.Core.Storage;

/// <summary>MAAS's <c>FILESYSTEM_TYPE</c> values a user may format with, and the ones that mark group members.</summary>
public static class StorageFilesystems
{
    public const string LvmPv = "lvm-pv";

    public const string RaidMember = "raid";

    public const string RaidSpare = "raid-spare";

    public const string BcacheCache = "bcache-cache";

    public const string BcacheBacking = "bcache-backing";

    /// <summary>The types <c>format</c> accepts (MAAS's <c>FILESYSTEM_FORMAT_TYPE_CHOICES</c>, without zfsroot/bcache).</summary>
    public static readonly IReadOnlyList<string> Formattable = ["ext2", "ext4", "xfs", "fat32", "vfat", "swap", "btrfs", "ramfs", "tmpfs"];

    /// <summary>Whether a filesystem of this type marks its device as a member of a volume group, RAID, cache set or bcache.</summary>
    public static bool IsMember(string type) => type is LvmPv or RaidMember or RaidSpare or BcacheCache or BcacheBacking;
}
