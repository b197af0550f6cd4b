using System.Collections.Frozen;
using System.Text.Json;
using Ingot.Core.Events;
using Ingot.Core.Scripts;
using Ingot.Wire.Resources;

namespace Ingot.Wire.Machines;

/// <summary>
/// What the machine JSON needs beyond the <see cref="Core.Machines.Machine"/> aggregate: the ids and
/// descriptions of zones, pools and domains (the machine holds only their names), the VLANs and
/// subnets its interfaces are on, and each machine's latest event (for <c>status_message</c>).
/// Build one per response (or share one while the data does not change): it renders every nested
/// object once and reuses the bytes for every machine, which is what makes a list of 10,000 fast.
/// A name it does not know renders with id 0 and an empty description, never an error.
/// </summary>
public sealed partial class MachineJsonContext
{
    private readonly Lazy<Fragments> _fragments;

    public MachineJsonContext() => _fragments = new(BuildFragments, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Zones, pools and domains with only MAAS's defaults, no subnets, no events.</summary>
    public static MachineJsonContext Default { get; } = new();

    public IReadOnlyCollection<ZoneInfo> Zones { get; init; } = [ZoneInfo.Default];

    public IReadOnlyCollection<PoolInfo> Pools { get; init; } = [PoolInfo.Default];

    public IReadOnlyCollection<DomainInfo> Domains { get; init; } = [DomainInfo.Default];

    /// <summary>VLANs by VID, for interfaces whose <c>Vlan</c> is set (Core records the VID).</summary>
    public IReadOnlyCollection<VlanInfo> Vlans { get; init; } = [VlanInfo.Default];

    /// <summary>The VLAN of an interface with neither a VID nor a known subnet: MAAS puts it on fabric-0's untagged VLAN.</summary>
    public VlanInfo DefaultVlan { get; init; } = VlanInfo.Default;

    /// <summary>Subnets by CIDR, for interface links.</summary>
    public IReadOnlyCollection<SubnetInfo> Subnets { get; init; } = [];

    /// <summary>
    /// Each machine's latest event of level INFO or above, by system_id: MAAS's <c>status_message</c>
    /// and <c>status_action</c> come from it. A machine without one renders both as null.
    /// </summary>
    public IReadOnlyDictionary<string, MachineEvent> LatestEvents { get; init; } = FrozenDictionary<string, MachineEvent>.Empty;

    /// <summary>
    /// Each machine's current script set ids and testing status, by system_id (<c>current_*_result_id</c>,
    /// <c>testing_status</c>). A machine without an entry renders them as null and -1. Like the latest events,
    /// not part of <see cref="Fingerprint"/>: a set changes without its machine being saved.
    /// </summary>
    public IReadOnlyDictionary<string, CurrentScriptSets> ScriptSets { get; init; } = FrozenDictionary<string, CurrentScriptSets>.Empty;

    internal Fragments Rendered => _fragments.Value;

    private Fragments BuildFragments()
    {
        FrozenDictionary<int, VlanInfo> vlans = Vlans.DistinctBy(v => v.Vid).ToFrozenDictionary(v => v.Vid);
        FrozenDictionary<string, SubnetInfo> subnets = Subnets.DistinctBy(s => s.Cidr).ToFrozenDictionary(s => s.Cidr, StringComparer.Ordinal);
        FrozenDictionary<string, ZoneInfo> zones = Zones.DistinctBy(z => z.Name).ToFrozenDictionary(z => z.Name, StringComparer.Ordinal);
        FrozenDictionary<string, DomainInfo> domains = Domains.DistinctBy(d => d.Name).ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
        return new Fragments(
            zones,
            domains,
            zones.ToFrozenDictionary(p => p.Key, p => Render(w => ResourceJson.WriteZone(w, p.Value)), StringComparer.Ordinal),
            Pools.DistinctBy(p => p.Name).ToFrozenDictionary(p => p.Name, p => Render(w => ResourceJson.WritePool(w, p)), StringComparer.Ordinal),
            domains.ToFrozenDictionary(p => p.Key, p => Render(w => ResourceJson.WriteDomain(w, p.Value)), StringComparer.Ordinal),
            vlans,
            vlans.ToFrozenDictionary(p => p.Key, p => Render(w => ResourceJson.WriteVlan(w, p.Value))),
            Render(w => ResourceJson.WriteVlan(w, DefaultVlan)),
            subnets,
            subnets.ToFrozenDictionary(p => p.Key, p => Render(w => ResourceJson.WriteSubnet(w, p.Value)), StringComparer.Ordinal));
    }

    internal static byte[] Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, MachineJson.WriterOptions))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The nested objects, each rendered once to UTF-8 JSON.</summary>
    internal sealed record Fragments(
        FrozenDictionary<string, ZoneInfo> ZoneInfos,
        FrozenDictionary<string, DomainInfo> DomainInfos,
        FrozenDictionary<string, byte[]> Zones,
        FrozenDictionary<string, byte[]> Pools,
        FrozenDictionary<string, byte[]> Domains,
        FrozenDictionary<int, VlanInfo> Vlans,
        FrozenDictionary<int, byte[]> VlanJson,
        byte[] DefaultVlanJson,
        FrozenDictionary<string, SubnetInfo> Subnets,
        FrozenDictionary<string, byte[]> SubnetJson);
}
