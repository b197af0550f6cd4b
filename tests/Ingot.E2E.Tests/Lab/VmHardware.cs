using System.Globalization;

namespace Ingot.E2E.Tests.Lab;

/// <summary>
/// What a test VM is made of beyond its NIC: vCPUs, memory and one virtio disk (a sparse raw file of
/// <see cref="DiskMiB"/> MiB with serial number <see cref="DiskSerial"/>), as qemu is started with them —
/// what commissioning must find.
/// </summary>
internal sealed record VmHardware(int Cpus, int MemoryMiB, int DiskMiB, string DiskSerial, string DiskPath)
{
    public long DiskBytes => DiskMiB * 1024L * 1024L;

    /// <summary>Creates the disk file (sparse) and returns the hardware.</summary>
    public static VmHardware Create(int cpus, int memoryMiB, int diskMiB, string diskSerial, string directory)
    {
        string path = Path.Combine(directory, "disk.raw");
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            file.SetLength(diskMiB * 1024L * 1024L);
        }

        return new VmHardware(cpus, memoryMiB, diskMiB, diskSerial, path);
    }

    public IEnumerable<string> DiskArguments() =>
    [
        "-drive", string.Create(CultureInfo.InvariantCulture, $"file={DiskPath},format=raw,if=none,id=d0"),
        "-device", $"virtio-blk-pci,drive=d0,serial={DiskSerial}",
    ];
}
