using Ingot.Core.Machines;

namespace Ingot.Web.Machines;

/// <summary>
/// Grouping by status as MAAS's machine list does: by simplified status (MAAS's
/// <c>SIMPLIFIED_NODE_STATUSES_MAP</c>, Core's <see cref="MachineStatuses.Simplified"/>), in the UI's
/// group order, each group headed by its name and count; a collapsed group keeps only its header.
/// </summary>
public static class MachineGroups
{
    public static IReadOnlyList<string> Order { get; } =
        ["Failed", "New", "Commissioning", "Testing", "Ready", "Allocated", "Deploying", "Deployed", "Rescue Mode", "Releasing", "Broken", "Other"];

    public static List<MachineListItem> Flatten(IReadOnlyList<MachineRow> sorted, bool grouped, IReadOnlySet<string> collapsed)
    {
        if (!grouped)
        {
            return [.. sorted.Select(r => new MachineListItem("", 0, r))];
        }

        var groups = new Dictionary<string, List<MachineRow>>(StringComparer.Ordinal);
        foreach (MachineRow row in sorted)
        {
            if (!groups.TryGetValue(row.StatusGroup, out List<MachineRow>? members))
            {
                groups[row.StatusGroup] = members = [];
            }

            members.Add(row);
        }

        var items = new List<MachineListItem>(sorted.Count + groups.Count);
        foreach (string group in Order.Concat(groups.Keys.Except(Order)))
        {
            if (groups.TryGetValue(group, out List<MachineRow>? members))
            {
                items.Add(new MachineListItem(group, members.Count, null));
                if (!collapsed.Contains(group))
                {
                    items.AddRange(members.Select(r => new MachineListItem(group, members.Count, r)));
                }
            }
        }

        return items;
    }
}
