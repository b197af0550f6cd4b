using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Tests.Storage;

/// <summary>Machines with fixed disks for the layout and curtin tests.</summary>
internal static class StorageMachines
{
    public const long GiB = 1024L * 1024 * 1024;

    private static readonly DateTime s_now = new(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>An amd64 machine (UEFI unless <paramref name="uefi"/> is false) with disks of the given sizes in GiB, ids 11, 12, ….</summary>
    public static Machine With(bool uefi, params long[] diskGiB)
    {
        Machine machine = Machine.Create("abc123", "storage-test", s_now);
        machine.Architecture = "amd64/generic";
        machine.BiosBootMethod = uefi ? "uefi" : "pxe";
        for (int i = 0; i < diskGiB.Length; i++)
        {
            machine.BlockDevices.Add(new BlockDevice
            {
                Id = 11 + i,
                Name = "sd" + (char)('a' + i),
                Model = "QEMU HARDDISK",
                Serial = $"QM0000{i + 1}",
                IdPath = $"/dev/disk/by-id/ata-QEMU_HARDDISK_QM0000{i + 1}",
                SizeBytes = diskGiB[i] * GiB,
            });
        }

        return machine;
    }
}
