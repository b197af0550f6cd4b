using Ingot.Core.Machines;

namespace Ingot.Web.Machines;

/// <summary>The values each filter of the machines list offers: those the visible machines have.</summary>
public sealed record FilterOptions(
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> PowerStates,
    IReadOnlyList<string> Owners,
    IReadOnlyList<string> Zones,
    IReadOnlyList<string> Pools,
    IReadOnlyList<string> Tags)
{
    public static FilterOptions Empty { get; } = new([], [], [], [], [], []);

    public static FilterOptions From(IReadOnlyList<MachineRow> rows) => new(
        [.. rows.Select(r => r.Status).Distinct().Order().Select(s => s.Label())],
        [.. rows.Select(r => Display.Power(r.PowerState)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        [.. rows.Select(r => r.Owner ?? MachineListQuery.NoOwner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        [.. rows.Select(r => r.Zone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        [.. rows.Select(r => r.Pool).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        [.. rows.SelectMany(r => r.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
}
