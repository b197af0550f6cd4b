using System.Globalization;

namespace Ingot.Sim.Machines;

/// <summary>
/// What a simulated machine is made of. Its commissioning output (<see cref="MachineResourcesDocument"/>)
/// is generated from this, so Ingot's inventory sees exactly these CPUs, memory, disks and NICs.
/// <see cref="TimingOnly"/> boots fetch the first stage and the iPXE script but not kernel and initrd.
/// </summary>
public sealed record HardwareProfile
{
    public required string Name { get; init; }

    /// <summary>Debian architecture, as enlistment sends it (<c>amd64</c>).</summary>
    public string Architecture { get; init; } = "amd64";

    public Firmware Firmware { get; init; } = Firmware.Uefi;

    public string Vendor { get; init; } = "Ingot";

    public string Product { get; init; } = "Simulated Server";

    public string CpuModel { get; init; } = "Intel(R) Xeon(R) Silver 4310 CPU @ 2.10GHz";

    public int Sockets { get; init; } = 1;

    public int CoresPerSocket { get; init; } = 4;

    public int ThreadsPerCore { get; init; } = 2;

    public long MemoryMiB { get; init; } = 16384;

    public IReadOnlyList<SimulatedDisk> Disks { get; init; } = [];

    public IReadOnlyList<SimulatedNic> Nics { get; init; } = [];

    public bool TimingOnly { get; init; }

    public int CpuCount => Sockets * CoresPerSocket * ThreadsPerCore;

    public string BootMac => Nics[0].Mac;

    /// <summary>MACs in a stable range (<c>52:54:00</c>, locally administered) from a machine number and a NIC index.</summary>
    public static string MacFor(int machine, int nic) =>
        string.Create(CultureInfo.InvariantCulture, $"52:54:{(machine >> 16) & 0xff:x2}:{(machine >> 8) & 0xff:x2}:{machine & 0xff:x2}:{0x10 + nic:x2}");
}
