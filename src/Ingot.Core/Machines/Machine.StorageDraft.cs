using Ingot.Core.Hardware;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// A copy to try a storage edit on without touching this machine: its disks (with their ids, partitions and
    /// filesystems) and its storage groups are its own; everything else is shared with this machine, so the copy
    /// is only for reading and must never be saved.
    /// </summary>
    public Machine StorageDraft()
    {
        var draft = (Machine)MemberwiseClone();
        draft.BlockDevices = [.. BlockDevices.Select(CopyWithId)];
        draft.Storage = Storage.Copy();
        return draft;
    }

    private static BlockDevice CopyWithId(BlockDevice disk)
    {
        BlockDevice copy = disk.Copy();
        copy.Id = disk.Id;
        return copy;
    }
}
