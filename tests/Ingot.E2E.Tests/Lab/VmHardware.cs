using System.Globalization;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// What a test VM is made of beyond its NIC: vCPUs, memory and one virtio disk (a sparse raw file of
/// <see cref="DiskMiB"/> MiB with serial number <see cref="DiskSerial"/>), and optionally <see cref="ExtraDisks"/> more of
/// <see cref="SecondDiskMiB"/> MiB each (serials <c>DiskSerial-2</c>, <c>DiskSerial-3</c>, …), as qemu is started with them — what
/// commissioning must find.
/// </summary>
internal sealed record VmHardware(int Cpus, int MemoryMiB, int DiskMiB, string DiskSerial, string DiskPath, int SecondDiskMiB = 0, int ExtraDisks = 1)
{
    public long DiskBytes => DiskMiB * 1024L * 1024L;

    /// <summary>All the VM's disks: the first and the extra ones.</summary>
    public int DiskCount => SecondDiskMiB > 0 ? 1 + ExtraDisks : 1;

    /// <summary>Creates the disk files (sparse) and returns the hardware.</summary>
    public static VmHardware Create(int cpus, int memoryMiB, int diskMiB, string diskSerial, string directory, int secondDiskMiB = 0, int extraDisks = 1)
    {
        // qemu keeps the first 20 characters of a virtio-blk serial: longer, the extra disks' serials would come out equal.
        if (secondDiskMiB > 0 && diskSerial.Length + 1 + (extraDisks + 1).ToString(CultureInfo.InvariantCulture).Length > 20)
        {
            throw new ArgumentException($"the serial {diskSerial}-{extraDisks + 1} is longer than the 20 characters qemu keeps", nameof(diskSerial));
        }

        string path = Path.Combine(directory, "disk.raw");
        Sparse(path, diskMiB);
        for (int k = 2; secondDiskMiB > 0 && k <= extraDisks + 1; k++)
        {
            Sparse(ExtraPath(path, k), secondDiskMiB);
        }

        return new VmHardware(cpus, memoryMiB, diskMiB, diskSerial, path, secondDiskMiB, extraDisks);
    }

    public IEnumerable<string> DiskArguments() =>
    [
        "-drive", string.Create(CultureInfo.InvariantCulture, $"file={DiskPath},format=raw,if=none,id=d0"),
        "-device", $"virtio-blk-pci,drive=d0,serial={DiskSerial}",
        .. Enumerable.Range(2, DiskCount - 1).SelectMany(k => (string[])[
            "-drive", string.Create(CultureInfo.InvariantCulture, $"file={ExtraPath(DiskPath, k)},format=raw,if=none,id=d{k - 1}"),
            "-device", string.Create(CultureInfo.InvariantCulture, $"virtio-blk-pci,drive=d{k - 1},serial={DiskSerial}-{k}")]),
    ];

    private static string ExtraPath(string diskPath, int k) =>
        Path.Combine(Path.GetDirectoryName(diskPath)!, string.Create(CultureInfo.InvariantCulture, $"disk{k}.raw"));

    private static void Sparse(string path, int mib)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(mib * 1024L * 1024L);
    }
}
