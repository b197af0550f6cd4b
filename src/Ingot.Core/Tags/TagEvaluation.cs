using System.Xml.XPath;
using Ingot.Core.Enlistment;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;

namespace Ingot.Core.Tags;

/// <summary>
/// MAAS's automatic tags: a tag with a definition is on exactly the machines whose merged hardware
/// details (<see cref="HardwareDetailsDocument"/>) it matches. <see cref="PopulateAsync"/> is MAAS's
/// <c>populate_tag_for_multiple_nodes</c> (on tag create, on a definition change and on <c>rebuild</c>):
/// every machine, in batches of <see cref="BatchSize"/>, each batch saved in one transaction and
/// loaded again if a machine changed meanwhile. <see cref="Apply"/> is <c>populate_tags_for_single_node</c>
/// (after commissioning): every defined tag on one machine. Manual tags are never touched.
/// </summary>
public sealed class TagEvaluation(ITagStore tags, IMachineStore machines, IHardwareDetailsStore details, TimeProvider time)
{
    /// <summary>MAAS's <c>DEFAULT_BATCH_SIZE</c> for tag evaluation.</summary>
    public const int BatchSize = 100;

    private const int Attempts = 5;

    /// <summary>Puts <paramref name="tag"/> on the machines its definition matches and takes it off the others; nothing for a manual tag.</summary>
    public async Task PopulateAsync(Tag tag, CancellationToken ct)
    {
        if (tag.Definition.Length == 0)
        {
            return;
        }

        TagDefinition definition = TagDefinition.Compile(tag.Definition);
        IReadOnlyList<Machine> all = await machines.ListAsync(MachineQuery.All, ct);
        foreach (Machine[] batch in all.Chunk(BatchSize))
        {
            await PopulateBatchAsync(tag.Name, definition, [.. batch.Select(m => m.SystemId)], ct);
        }
    }

    /// <summary>The tags with a definition, compiled (a stored definition that no longer compiles is skipped).</summary>
    public async Task<IReadOnlyList<(string Name, TagDefinition Definition)>> DefinedTagsAsync(CancellationToken ct)
    {
        var defined = new List<(string, TagDefinition)>();
        foreach (Tag tag in await tags.ListAsync(ct))
        {
            if (tag.Definition.Length > 0)
            {
                try
                {
                    defined.Add((tag.Name, TagDefinition.Compile(tag.Definition)));
                }
                catch (MachineFormException)
                {
                    // Stored before definitions were checked; MAAS would refuse it on save, so it tags nothing.
                }
            }
        }

        return defined;
    }

    /// <summary>Every defined tag on one machine: added when it matches the machine's details, removed when not. Pure.</summary>
    public static bool Apply(Machine machine, IEnumerable<(string Name, TagDefinition Definition)> defined, HardwareDetails machineDetails, DateTime now)
    {
        XPathNavigator? document = null;
        bool changed = false;
        foreach ((string name, TagDefinition definition) in defined)
        {
            document ??= HardwareDetailsDocument.Merge(machineDetails);
            changed |= Set(machine, name, definition.Matches(document), now);
        }

        return changed;
    }

    private async Task PopulateBatchAsync(string tagName, TagDefinition definition, IReadOnlyList<string> systemIds, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            IReadOnlyDictionary<string, HardwareDetails> found = await details.GetManyAsync(systemIds, ct);
            DateTime now = time.GetUtcNow().UtcDateTime;
            var changed = new List<Machine>();
            foreach (string systemId in systemIds)
            {
                if (await machines.FindAsync(systemId, ct) is not { } machine)
                {
                    continue;
                }

                XPathNavigator document = HardwareDetailsDocument.Merge(found.GetValueOrDefault(systemId) ?? HardwareDetails.None);
                if (Set(machine, tagName, definition.Matches(document), now))
                {
                    changed.Add(machine);
                }
            }

            try
            {
                await machines.SaveAllAsync(changed, ct);
                return;
            }
            catch (MachineConflictException) when (attempt < Attempts)
            {
                // A machine changed since it was loaded; nothing was written. Evaluate the batch again.
            }
        }
    }

    private static bool Set(Machine machine, string tag, bool on, DateTime now)
    {
        if (machine.Tags.Contains(tag) == on)
        {
            return false;
        }

        if (on)
        {
            machine.Tag(tag, now);
        }
        else
        {
            machine.Untag(tag, now);
        }

        return true;
    }
}
