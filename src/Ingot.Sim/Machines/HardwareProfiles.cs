using System.Globalization;

namespace Ingot.Sim.Machines;

/// <summary>
/// The named profiles <c>ingot sim --profile</c> takes: <c>small</c> (BIOS, 4 CPUs, 8 GiB, one SATA
/// disk, one NIC), <c>standard</c> (UEFI, 16 CPUs, 64 GiB, two disks, two NICs), <c>large</c> (UEFI,
/// 2 sockets, 64 CPUs, 512 GiB, NVMe, iPXE ROM), <c>mixed</c> (the three in turn) and
/// <c>timing</c> (standard, but the boot fetches only the first stage and the iPXE script).
/// </summary>
public static class HardwareProfiles
{
    public static IReadOnlyList<string> Names { get; } = ["mixed", "small", "standard", "large", "timing"];

    /// <summary>The profile of machine <paramref name="number"/> (1-based), or null for an unknown name.</summary>
    public static HardwareProfile? For(string name, int number) => name switch
    {
        "small" => Small(number),
        "standard" => Standard(number),
        "large" => Large(number),
        "timing" => Standard(number) with { Name = "timing", TimingOnly = true },
        "mixed" => (number % 3) switch { 1 => Small(number), 2 => Standard(number), _ => Large(number) },
        _ => null,
    };

    public static HardwareProfile Small(int n) => new()
    {
        Name = "small",
        Firmware = Firmware.Bios,
        Product = "Simulated 1U",
        CpuModel = "Intel(R) Xeon(R) E-2224 CPU @ 3.40GHz",
        CoresPerSocket = 4,
        ThreadsPerCore = 1,
        MemoryMiB = 8192,
        Disks = [new("sda", 480L * 1000 * 1000 * 1000, "SIM SATA SSD", Serial(n, 0), true)],
        Nics = [new("eno1", HardwareProfile.MacFor(n, 0), 1000)],
    };

    public static HardwareProfile Standard(int n) => new()
    {
        Name = "standard",
        Firmware = Firmware.Uefi,
        CoresPerSocket = 8,
        MemoryMiB = 65536,
        Disks =
        [
            new("sda", 960L * 1000 * 1000 * 1000, "SIM SATA SSD", Serial(n, 0), true),
            new("sdb", 4000L * 1000 * 1000 * 1000, "SIM SATA HDD", Serial(n, 1), false),
        ],
        Nics = [new("eno1", HardwareProfile.MacFor(n, 0), 10000), new("eno2", HardwareProfile.MacFor(n, 1), 10000)],
    };

    public static HardwareProfile Large(int n) => new()
    {
        Name = "large",
        Firmware = Firmware.IpxeRom,
        Product = "Simulated 2U",
        CpuModel = "AMD EPYC 7313 16-Core Processor",
        Sockets = 2,
        CoresPerSocket = 16,
        MemoryMiB = 524288,
        Disks =
        [
            new("nvme0n1", 1920L * 1000 * 1000 * 1000, "SIM NVMe", Serial(n, 0), true),
            new("nvme1n1", 1920L * 1000 * 1000 * 1000, "SIM NVMe", Serial(n, 1), true),
        ],
        Nics = [new("ens1f0", HardwareProfile.MacFor(n, 0), 25000), new("ens1f1", HardwareProfile.MacFor(n, 1), 25000)],
    };

    private static string Serial(int machine, int disk) => string.Create(CultureInfo.InvariantCulture, $"SIM{machine:D5}D{disk}");
}
