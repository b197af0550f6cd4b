using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Cloning;

/// <summary>
/// What cloning will do to one destination, worked out before anything changes: the disk pairs
/// (when storage is cloned) and the destination's new interface list (when interfaces are).
/// </summary>
internal sealed record ClonePlan(Machine Destination, IReadOnlyList<DiskPair>? Disks, IReadOnlyList<NetworkInterface>? Interfaces)
{
    /// <summary>Applies the plan: storage configuration copied disk by disk, interfaces replaced, the audit event.</summary>
    public void Apply(Machine source, DateTime now, string? username)
    {
        if (Disks is not null)
        {
            // _clear_full_storage_configuration, then the copy at the physical level.
            foreach (BlockDevice disk in Destination.BlockDevices)
            {
                disk.Partitions = [];
                disk.Filesystem = null;
            }

            foreach (DiskPair pair in Disks)
            {
                pair.Destination.Partitions = [.. pair.Source.Partitions.Select(p => p.Copy())];
                pair.Destination.Filesystem = pair.Source.Filesystem?.Copy();
            }
        }

        if (Interfaces is not null)
        {
            Destination.Interfaces = [.. Interfaces];
        }

        Destination.Updated = now;
        Destination.Record(Events.EventTypes.Audit, $"Cloning from '{source.Hostname}'.", now, username);
    }
}
