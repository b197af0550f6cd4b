using Ingot.Core.Machines;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Core.Scripts;

/// <summary>
/// MAAS's <c>ScriptSet.select_for_hardware_scripts</c>, adding half: once commissioning has reported the
/// machine's hardware, every script of the set's type that has a <c>for_hardware</c>, carries one of the
/// tags the request named (<see cref="ScriptSet.Tags"/>), is not in the set yet and matches the machine
/// (<see cref="HardwareMatch"/>) gets pending results. MAAS runs it when the machine downloads
/// <c>maas-scripts</c> again after its first commissioning results.
/// </summary>
public static class ForHardwareScripts
{
    /// <summary>Adds the matching scripts to <paramref name="set"/>; returns the names added.</summary>
    public static IReadOnlyList<string> Select(ScriptSet set, IReadOnlyList<Script> all, Machine machine, DateTime now)
    {
        if (set.Tags.Count == 0)
        {
            return [];
        }

        ScriptType type = set.Kind == Machines.Signals.ScriptSetKind.Testing ? ScriptType.Testing : ScriptType.Commissioning;
        var present = set.Results.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (Script script in all.Where(s => s.Type == type && s.ForHardware.Count > 0 && s.Tags.Any(set.Tags.Contains) && !present.Contains(s.Name)))
        {
            if (!HardwareMatch.Matches(script.ForHardware, machine))
            {
                continue;
            }

            set.Results.AddRange(ScriptSelection.NewSet(machine, set.Kind, [script], new Dictionary<string, string>(), now).Results);
            added.Add(script.Name);
        }

        return added;
    }
}
