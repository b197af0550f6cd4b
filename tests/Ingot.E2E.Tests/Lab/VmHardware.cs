using System.Globalization;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// What a test VM is made of beyond its NIC: vCPUs, memory and one virtio disk (a sparse raw file of
/// <see cref="DiskMiB"/> MiB with serial number <see cref="DiskSerial"/>), and optionally a second one of
/// <see cref="SecondDiskMiB"/> MiB (serial <c>DiskSerial-2</c>), as qemu is started with them — what commissioning must find.
/// </summary>
internal sealed record VmHardware(int Cpus, int MemoryMiB, int DiskMiB, string DiskSerial, string DiskPath, int SecondDiskMiB = 0)
{
    public long DiskBytes => DiskMiB * 1024L * 1024L;

    /// <summary>Creates the disk file (sparse) and returns the hardware.</summary>
    public static VmHardware Create(int cpus, int memoryMiB, int diskMiB, string diskSerial, string directory, int secondDiskMiB = 0)
    {
        string path = Path.Combine(directory, "disk.raw");
        Sparse(path, diskMiB);
        if (secondDiskMiB > 0)
        {
            Sparse(SecondPath(path), secondDiskMiB);
        }

        return new VmHardware(cpus, memoryMiB, diskMiB, diskSerial, path, secondDiskMiB);
    }

    public IEnumerable<string> DiskArguments() =>
    [
        "-drive", string.Create(CultureInfo.InvariantCulture, $"file={DiskPath},format=raw,if=none,id=d0"),
        "-device", $"virtio-blk-pci,drive=d0,serial={DiskSerial}",
        .. SecondDiskMiB > 0
            ? (string[])["-drive", $"file={SecondPath(DiskPath)},format=raw,if=none,id=d1", "-device", $"virtio-blk-pci,drive=d1,serial={DiskSerial}-2"]
            : [],
    ];

    private static string SecondPath(string diskPath) => Path.Combine(Path.GetDirectoryName(diskPath)!, "disk2.raw");

    private static void Sparse(string path, int mib)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(mib * 1024L * 1024L);
    }
}
