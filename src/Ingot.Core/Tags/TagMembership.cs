using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Tags;

/// <summary>
/// The machines that carry a tag: MAAS's <c>TagHandler.machines</c> (those the caller may view) and
/// <c>TagHandler.update_nodes</c>: an admin puts a tag on machines and takes it off others,
/// by system_id. Unknown system_ids are ignored; the counts are of the machines found (already
/// tagged or not), as MAAS reports them. A <c>definition</c> that differs from the tag's is 409.
/// Every change is saved in one transaction; a machine changed meanwhile makes it start again.
/// </summary>
public sealed class TagMembership(ITagStore tags, IMachineStore machines, TimeProvider time)
{
    private const int Attempts = 5;

    /// <summary>The machines carrying the tag that <paramref name="actor"/> may view, in id order (404 for an unknown tag).</summary>
    public async Task<IReadOnlyList<Machine>> MachinesAsync(Actor actor, string name, CancellationToken ct)
    {
        Tag tag = await tags.FindAsync(name, ct) ?? throw NotFound.Of("Tag");
        var visible = new List<Machine>();
        foreach (string systemId in await tags.MachinesAsync(tag.Name, ct))
        {
            if (await machines.FindAsync(systemId, ct) is { } machine && MachinePermissions.Has(actor, machine, NodePermission.View))
            {
                visible.Add(machine);
            }
        }

        return visible;
    }

    /// <summary>
    /// Which machines <see cref="MachinesAsync"/> answers, for a caller that lists from its own copy of
    /// the machine table (404 for an unknown tag): those carrying the tag that <paramref name="actor"/> may view.
    /// </summary>
    public async Task<Func<Machine, bool>> CarriersAsync(Actor actor, string name, CancellationToken ct)
    {
        Tag tag = await tags.FindAsync(name, ct) ?? throw NotFound.Of("Tag");
        string tagName = tag.Name;
        return m => m.Tags.Contains(tagName, StringComparer.Ordinal) && MachinePermissions.Has(actor, m, NodePermission.View);
    }

    public async Task<(int Added, int Removed)> UpdateNodesAsync(
        Actor actor, string name, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? definition, CancellationToken ct)
    {
        AdminOnly.Demand(actor);
        Tag tag = await tags.FindAsync(name, ct) ?? throw NotFound.Of("Tag");
        if (definition is not null && definition != tag.Definition)
        {
            throw new MachineOperationException(
                ErrorCategory.Conflict, "Conflict", $"Definition supplied '{definition}' doesn't match current definition '{tag.Definition}'");
        }

        for (int attempt = 1; ; attempt++)
        {
            DateTime now = time.GetUtcNow().UtcDateTime;
            var changed = new Dictionary<string, Machine>(StringComparer.Ordinal);
            int added = 0;
            foreach (Machine machine in await LoadAsync(add, changed, ct))
            {
                machine.Tag(tag.Name, now);
                added++;
            }

            int removed = 0;
            foreach (Machine machine in await LoadAsync(remove, changed, ct))
            {
                machine.Untag(tag.Name, now);
                removed++;
            }

            try
            {
                await machines.SaveAllAsync([.. changed.Values], ct);
                return (added, removed);
            }
            catch (MachineConflictException) when (attempt < Attempts)
            {
                // A machine changed since it was loaded; nothing was written. Load them again.
            }
        }
    }

    /// <summary>The machines with these ids that exist, each loaded once across both lists.</summary>
    private async Task<List<Machine>> LoadAsync(IReadOnlyList<string> systemIds, Dictionary<string, Machine> loaded, CancellationToken ct)
    {
        var found = new List<Machine>();
        foreach (string systemId in systemIds.Distinct(StringComparer.Ordinal))
        {
            if (!loaded.TryGetValue(systemId, out Machine? machine))
            {
                machine = await machines.FindAsync(systemId, ct);
                if (machine is null)
                {
                    continue;
                }

                loaded[systemId] = machine;
            }

            found.Add(machine);
        }

        return found;
    }
}
