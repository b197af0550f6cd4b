using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Web.Machines;

/// <summary>
/// What the machines list shows: the filters (each empty = any), free-text search (every word must
/// appear), the sort column and direction. <see cref="Apply"/> keeps the rows the actor may view
/// (Core's view rule) that match, sorted.
/// </summary>
public sealed record MachineListQuery
{
    public string Search { get; init; } = "";

    public string Status { get; init; } = "";

    public string Zone { get; init; } = "";

    public string Pool { get; init; } = "";

    public string Tag { get; init; } = "";

    public string Owner { get; init; } = "";

    public string Power { get; init; } = "";

    public MachineSort Sort { get; init; } = MachineSort.Fqdn;

    public bool Descending { get; init; }

    /// <summary>The owner filter's value for "no owner".</summary>
    public const string NoOwner = "(none)";

    /// <summary>The rows <paramref name="actor"/> may view that match, sorted.</summary>
    public List<MachineRow> Apply(IReadOnlyList<MachineRow> rows, Actor actor)
    {
        List<MachineRow> result = Filter(rows, actor);
        SortInPlace(result);
        return result;
    }

    /// <summary>The rows <paramref name="actor"/> may view that match, in the order given (a sorted list stays sorted).</summary>
    public List<MachineRow> Filter(IReadOnlyList<MachineRow> rows, Actor actor)
    {
        string[] words = Search.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<MachineRow>(rows.Count);
        foreach (MachineRow row in rows)
        {
            if (MachinePermissions.CanView(actor, row.Owner) && Matches(row, words))
            {
                result.Add(row);
            }
        }

        return result;
    }

    /// <summary>Sorts by <see cref="Sort"/> and <see cref="Descending"/>.</summary>
    public void SortInPlace(List<MachineRow> rows) => rows.Sort(Compare);

    private bool Matches(MachineRow row, string[] words)
    {
        if ((Status.Length > 0 && row.StatusLabel != Status)
            || (Zone.Length > 0 && row.Zone != Zone)
            || (Pool.Length > 0 && row.Pool != Pool)
            || (Tag.Length > 0 && !row.Tags.Contains(Tag))
            || (Power.Length > 0 && Display.Power(row.PowerState) != Power)
            || (Owner.Length > 0 && (row.Owner ?? NoOwner) != Owner))
        {
            return false;
        }

        foreach (string word in words)
        {
            if (!row.SearchText.Contains(word, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private int Compare(MachineRow a, MachineRow b)
    {
        int order = Sort switch
        {
            MachineSort.Status => a.Status.CompareTo(b.Status),
            MachineSort.Power => a.PowerState.CompareTo(b.PowerState),
            MachineSort.Owner => string.CompareOrdinal(a.Owner ?? "", b.Owner ?? ""),
            MachineSort.Zone => string.CompareOrdinal(a.Zone, b.Zone),
            MachineSort.Pool => string.CompareOrdinal(a.Pool, b.Pool),
            MachineSort.Cpu => a.CpuCount.CompareTo(b.CpuCount),
            MachineSort.Memory => a.MemoryMiB.CompareTo(b.MemoryMiB),
            MachineSort.Storage => a.StorageBytes.CompareTo(b.StorageBytes),
            _ => 0,
        };
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Hostname, b.Hostname);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.SystemId, b.SystemId);
        }

        return Descending ? -order : order;
    }
}
