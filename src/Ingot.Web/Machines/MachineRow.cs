using Ingot.Core.Machines;
using Ingot.Core.Power;

namespace Ingot.Web.Machines;

/// <summary>
/// One machine as the machines list shows it: a compact, immutable projection (no hardware objects,
/// no power parameters) so that 10,000 of them filter and sort in memory in milliseconds.
/// <see cref="SearchText"/> is the lower-cased text free-text search looks in.
/// </summary>
public sealed record MachineRow(
    string SystemId,
    string Hostname,
    string Domain,
    MachineStatus Status,
    PowerState PowerState,
    string? Owner,
    string Zone,
    string Pool,
    int CpuCount,
    long MemoryMiB,
    long StorageBytes,
    int DiskCount,
    IReadOnlyList<string> Tags,
    bool Locked,
    string Architecture)
{
    public string Fqdn => $"{Hostname}.{Domain}";

    public string StatusLabel => Status.Label();

    /// <summary>MAAS's simplified status, the machines list's status groups.</summary>
    public string StatusGroup => Status.Simplified();

    public string SearchText { get; } = string.Join(' ',
        [SystemId, Hostname, Domain, Status.Label(), PowerState.ToString(), Owner ?? "", Zone, Pool, Architecture, .. Tags]).ToLowerInvariant();

    public static MachineRow From(Machine m) => new(
        m.SystemId,
        m.Hostname,
        m.Domain,
        m.Status,
        m.PowerState,
        m.Owner,
        m.Zone,
        m.Pool,
        m.CpuCount,
        m.Memory,
        m.BlockDevices.Sum(d => d.SizeBytes),
        m.BlockDevices.Count,
        [.. m.Tags],
        m.Locked,
        m.Architecture);
}
