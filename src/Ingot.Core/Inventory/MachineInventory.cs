namespace Ingot.Core.Inventory;

/// <summary>
/// What <c>50-maas-01-commissioning</c> (MAAS's <c>machine-resources</c>) reported about a machine,
/// already mapped the way MAAS's <c>process_lxd_results</c> maps it: memory in MiB, CPU speed in MHz,
/// the architecture as MAAS writes it (<c>amd64/generic</c>), disks with their id_path and tags,
/// interfaces by MAC. A field the machine could not read is empty (0, "" or an empty list).
/// Apply it with <see cref="Machines.Machine.ApplyInventory"/>.
/// </summary>
public sealed record MachineInventory
{
    /// <summary><c>cpu.total</c>: the number of threads.</summary>
    public int CpuCount { get; init; }

    /// <summary>MHz: from the model name's "@ x.xxGHz", else the highest turbo frequency, else the average frequency rounded to 100.</summary>
    public int CpuSpeed { get; init; }

    /// <summary>The sockets' name up to " @", when every socket has the same name; else "".</summary>
    public string CpuModel { get; init; } = "";

    /// <summary>The kernel's architecture as reported (<c>x86_64</c>, <c>aarch64</c>...).</summary>
    public string KernelArchitecture { get; init; } = "";

    /// <summary>MAAS's architecture for the kernel's (<c>amd64/generic</c>); "" for one MAAS does not know.</summary>
    public string Architecture { get; init; } = "";

    /// <summary>The running OS, as the environment reports it (<c>os_name</c>, <c>os_version</c>).</summary>
    public string OsName { get; init; } = "";

    public string OsVersion { get; init; } = "";

    /// <summary><c>memory.total</c> in MiB.</summary>
    public long Memory { get; init; }

    /// <summary>The hugepage size in bytes (<c>memory.hugepages_size</c>), 0 when none.</summary>
    public long HugepagesSize { get; init; }

    /// <summary>NUMA nodes by index: the threads on each and its memory.</summary>
    public IReadOnlyList<InventoryNumaNode> NumaNodes { get; init; } = [];

    /// <summary>Every disk in the report, including read-only ones and CD-ROMs (which are not modelled).</summary>
    public IReadOnlyList<InventoryDisk> Disks { get; init; } = [];

    /// <summary>The interfaces MAAS models: physical ones first, then bonds and bridges, then VLANs.</summary>
    public IReadOnlyList<InventoryInterface> Interfaces { get; init; } = [];

    /// <summary>PCI and USB devices (MAAS's <c>NodeDevice</c>s).</summary>
    public IReadOnlyList<InventoryDevice> Devices { get; init; } = [];

    public InventorySystem System { get; init; } = new();
}
