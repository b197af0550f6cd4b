using System.Globalization;
using System.Text.RegularExpressions;
using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;

namespace Ingot.Core.Machines.Filters;

/// <summary>
/// MAAS's <c>storage</c> constraint, <c>label:size(tag,tag),label2:size</c> with sizes in GB
/// (10^9 bytes): each entry needs its own physical disk of at least that size carrying every tag.
/// Disks are tried boot disk first, then smallest first, so the first (root) entry lands on the
/// boot disk when it fits, as MAAS maps it. A missing label is the entry's index.
/// </summary>
public sealed partial record StorageConstraint(IReadOnlyList<StorageConstraint.Entry> Entries)
{
    public sealed record Entry(string Label, double SizeGb, IReadOnlyList<string> Tags);

    public static StorageConstraint Parse(string text)
    {
        var entries = new List<Entry>();
        int index = 0;
        foreach (string raw in SplitTopLevel(text))
        {
            Match m = EntryPattern().Match(raw.Trim());
            if (!m.Success || !double.TryParse(m.Groups["size"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double size) || size < 0)
            {
                throw new MachineFormException(new Dictionary<string, IReadOnlyList<string>>
                {
                    ["storage"] = [$"Malformed storage constraint, \"{raw.Trim()}\"."],
                });
            }

            string label = m.Groups["label"].Success ? m.Groups["label"].Value : index.ToString(CultureInfo.InvariantCulture);
            string[] tags = m.Groups["tags"].Success
                ? m.Groups["tags"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            entries.Add(new Entry(label, size, tags));
            index++;
        }

        return new StorageConstraint(entries);
    }

    /// <summary>Maps each label to a distinct disk, or returns null when the machine cannot meet it.</summary>
    public IReadOnlyDictionary<string, BlockDevice>? Match(Machine machine)
    {
        var used = new HashSet<BlockDevice>();
        var mapping = new Dictionary<string, BlockDevice>();
        IEnumerable<BlockDevice> ordered = machine.BlockDevices.OrderByDescending(d => d.IsBootDisk).ThenBy(d => d.SizeBytes);
        foreach (Entry entry in Entries)
        {
            long bytes = (long)(entry.SizeGb * 1_000_000_000);
            BlockDevice? disk = ordered.FirstOrDefault(d => !used.Contains(d) && d.SizeBytes >= bytes && entry.Tags.All(d.Tags.Contains));
            if (disk is null)
            {
                return null;
            }

            used.Add(disk);
            mapping[entry.Label] = disk;
        }

        return mapping;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    [GeneratedRegex(@"^(?:(?<label>[A-Za-z0-9_-]+):)?(?<size>[0-9]+(?:\.[0-9]+)?)(?:\((?<tags>[^()]*)\))?$")]
    private static partial Regex EntryPattern();
}
