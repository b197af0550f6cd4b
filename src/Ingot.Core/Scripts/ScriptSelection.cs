using System.Text;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Users;

namespace Ingot.Core.Scripts;

/// <summary>
/// Which scripts a run holds (MAAS's <c>create_commissioning_script_set</c> /
/// <c>create_testing_script_set</c>) and the set made from them, one pending result per script and
/// parameter set (<see cref="ScriptParameters"/>).
/// <list type="bullet">
/// <item>Commissioning: every built-in commissioning script, plus — with nothing requested — every
/// user commissioning script that is not <c>for_hardware</c> or tagged <c>noauto</c>; with <c>none</c>
/// requested, nothing more; else the commissioning scripts named, tagged or numbered in the request.
/// Enlisting adds the scripts tagged <c>enlisting</c>.</item>
/// <item>A <c>for_hardware</c> script among them stays only when the machine's known hardware matches
/// (<see cref="HardwareMatch"/>); the requested tags are kept on the set for <see cref="ForHardwareScripts"/>.</item>
/// <item>Testing: the testing scripts named, tagged or numbered in the request, by default those
/// tagged <c>commissioning</c>; <c>none</c> selects nothing (no testing set).</item>
/// </list>
/// </summary>
public sealed class ScriptSelection(IScriptResultStore store, ScriptCatalog catalog, TimeProvider time)
{
    public static IReadOnlyList<Script> Commissioning(IReadOnlyList<Script> all, IReadOnlyList<string>? requested, bool enlisting)
    {
        List<Script> builtIns = [.. all.Where(s => s.Default && s.Type == ScriptType.Commissioning)];
        IEnumerable<Script> users = all.Where(s => !s.Default && s.Type == ScriptType.Commissioning);
        if (enlisting)
        {
            return [.. builtIns, .. users.Where(s => s.Tags.Contains("enlisting"))];
        }

        if (requested is null || requested.Count == 0)
        {
            return [.. builtIns, .. users.Where(s => s.ForHardware.Count == 0 && !s.Tags.Contains("noauto"))];
        }

        return requested.Contains("none") ? builtIns : [.. builtIns, .. users.Where(s => Matches(s, requested))];
    }

    public static IReadOnlyList<Script> Testing(IReadOnlyList<Script> all, IReadOnlyList<string>? requested)
    {
        IReadOnlyList<string> wanted = requested is { Count: > 0 } ? requested : ["commissioning"];
        return [.. all.Where(s => s.Type == ScriptType.Testing && Matches(s, wanted))];
    }

    /// <summary>
    /// Makes the machine's set of <paramref name="kind"/> for its current run from the scripts chosen
    /// (an empty set when nothing is chosen, so that <c>none</c> is not replaced by the defaults later). With
    /// <paramref name="skipBmcConfigBy"/>, the <c>bmc-config</c> scripts' results are stored as skipped
    /// with MAAS's note.
    /// </summary>
    public async Task<ScriptSet> CreateAsync(
        Machine machine, ScriptSetKind kind, IReadOnlyList<string>? requested, IReadOnlyDictionary<string, string> input, Actor? skipBmcConfigBy, CancellationToken ct)
    {
        IReadOnlyList<Script> all = await catalog.ListAsync(ct);
        IReadOnlyList<Script> chosen = kind == ScriptSetKind.Testing ? Testing(all, requested) : Commissioning(all, requested, machine.Enlisting);
        chosen = [.. chosen.Where(s => s.ForHardware.Count == 0 || HardwareMatch.Matches(s.ForHardware, machine))];
        DateTime now = time.GetUtcNow().UtcDateTime;
        ScriptSet set = NewSet(machine, kind, chosen, input, now);
        set.Tags = RequestedTags(all, machine.Enlisting && kind == ScriptSetKind.Commissioning ? ["enlisting"] : requested);
        if (skipBmcConfigBy is not null)
        {
            byte[] note = Encoding.UTF8.GetBytes($"INFO: User {skipBmcConfigBy.Username} has choosen to skip BMC configuration during commissioning\n");
            foreach (ScriptResult result in set.Results.Where(r => chosen.Any(s => s.Name == r.Name && s.Tags.Contains("bmc-config"))))
            {
                result.Status = ScriptStatus.Skipped;
                result.ExitStatus = 0;
                result.Output = note;
                result.Stdout = note;
                result.Result = Encoding.UTF8.GetBytes("status: skipped");
                result.Started = result.Ended = now;
            }
        }

        return await store.AddSetAsync(set, ct);
    }

    /// <summary>A set of the machine's current run holding one pending result per script and parameter set.</summary>
    public static ScriptSet NewSet(Machine machine, ScriptSetKind kind, IEnumerable<Script> scripts, IReadOnlyDictionary<string, string> input, DateTime now)
    {
        var set = new ScriptSet { SystemId = machine.SystemId, Kind = kind, Run = machine.ScriptRun, Created = now };
        foreach (Script script in scripts)
        {
            foreach (string parameters in ScriptParameters.Render(script, machine, input))
            {
                set.Results.Add(new ScriptResult
                {
                    Name = script.Name,
                    ScriptId = (int)script.Id,
                    ScriptVersionId = (int)script.VersionId(script.Current),
                    Parameters = parameters,
                    Status = ScriptStatus.Pending,
                    Created = now,
                    Updated = now,
                });
            }
        }

        return set;
    }

    /// <summary>MAAS's <c>_filter_tags</c>: the requested names that are some script's tag.</summary>
    public static List<string> RequestedTags(IReadOnlyList<Script> all, IReadOnlyList<string>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return [];
        }

        var tags = all.SelectMany(s => s.Tags).ToHashSet(StringComparer.Ordinal);
        return [.. requested.Where(tags.Contains).Distinct(StringComparer.Ordinal)];
    }

    private static bool Matches(Script script, IReadOnlyList<string> requested) =>
        requested.Contains(script.Name)
        || script.Tags.Any(requested.Contains)
        || requested.Contains(script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
