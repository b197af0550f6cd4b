using System.Globalization;
using System.Text;
using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Machines.Docs;

/// <summary>
/// Renders <c>docs/machine-states.md</c> from the data itself: <see cref="MachineStatuses"/>,
/// <see cref="NodeTransitions"/>, <see cref="LifecycleSettings"/> and <see cref="SignalTable"/>.
/// The document is never edited by hand; a test fails when the committed file differs.
/// </summary>
public static class MachineStatesDocument
{
    /// <summary>The file's path relative to the repository root.</summary>
    public const string RelativePath = "docs/machine-states.md";

    /// <summary>How to regenerate the file, shown in the file and by the test that guards it.</summary>
    public const string RegenerateCommand =
        "INGOT_UPDATE_DOCS=1 dotnet test --project tests/Ingot.Core.Tests/Ingot.Core.Tests.csproj";

    private static readonly IReadOnlyList<MachineStatus> s_statuses = [.. MachineStatuses.All.Order()];

    public static string Render()
    {
        var doc = new StringBuilder();
        Line(doc, "# Machine states");
        Line(doc);
        Line(doc, "<!-- Generated from Ingot.Core by MachineStatesDocument. Do not edit by hand. -->");
        Line(doc, $"<!-- Regenerate: {RegenerateCommand} -->");
        Line(doc);
        Line(doc, "Ingot's machine life-cycle is MAAS's: the same 23 statuses with the same values and labels,");
        Line(doc, "and the same transition table (`NODE_TRANSITIONS`). A self-transition is always allowed.");
        Line(doc, "Only abort targets, machines added with `deployed=true`, failure marking and revert-on-error");
        Line(doc, "skip the table.");
        Line(doc);
        RenderDiagram(doc);
        RenderStatuses(doc);
        RenderTransitions(doc);
        RenderFailureMap(doc);
        RenderNamedSets(doc);
        SignalSection.Render(doc);
        return doc.ToString();
    }

    internal static void Line(StringBuilder doc, string text = "") => doc.Append(text).Append('\n');

    internal static string Names(IEnumerable<MachineStatus> statuses) =>
        string.Join(", ", statuses.Order().Select(s => s.ConstantName()));

    /// <summary>"node_timeout (default 30)", "5 (fixed)" or "—".</summary>
    internal static string Timeout(MachineStatus status)
    {
        int? shortest = new LifecycleSettings(1).TimeoutMinutes(status);
        int? usual = LifecycleSettings.Default.TimeoutMinutes(status);
        return (shortest, usual) switch
        {
            (null, _) => "—",
            _ when shortest == usual => string.Create(CultureInfo.InvariantCulture, $"{usual} min (fixed)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"node_timeout (default {LifecycleSettings.DefaultNodeTimeout} min)"),
        };
    }

    private static void RenderDiagram(StringBuilder doc)
    {
        Line(doc, "## Diagram");
        Line(doc);
        Line(doc, "State ids are MAAS's constant names; each state shows its label. `[*]` is creation.");
        Line(doc);
        Line(doc, "```mermaid");
        Line(doc, "stateDiagram-v2");
        foreach (MachineStatus status in s_statuses)
        {
            Line(doc, $"    state \"{status.Label()}\" as {status.ConstantName()}");
        }

        foreach (MachineStatus status in NodeTransitions.Initial.Order())
        {
            Line(doc, $"    [*] --> {status.ConstantName()}");
        }

        foreach (MachineStatus from in s_statuses)
        {
            foreach (MachineStatus to in NodeTransitions.Table[from].Order())
            {
                Line(doc, $"    {from.ConstantName()} --> {to.ConstantName()}");
            }
        }

        Line(doc, "```");
        Line(doc);
    }

    private static void RenderStatuses(StringBuilder doc)
    {
        Line(doc, "## Statuses");
        Line(doc);
        Line(doc, "| Value | Constant | Label | Simplified | Failed? | On failure | Timeout |");
        Line(doc, "|---:|---|---|---|---|---|---|");
        foreach (MachineStatus status in s_statuses)
        {
            string onFailure = status.FailedStatusFor() is { } failed ? failed.ConstantName() : "";
            Line(doc, string.Create(
                CultureInfo.InvariantCulture,
                $"| {(int)status} | {status.ConstantName()} | {status.Label()} | {status.Simplified()} | {(status.IsFailed() ? "yes" : "")} | {onFailure} | {Timeout(status)} |"));
        }

        Line(doc);
    }

    private static void RenderTransitions(StringBuilder doc)
    {
        Line(doc, "## Transitions");
        Line(doc);
        Line(doc, "| From | Allowed to |");
        Line(doc, "|---|---|");
        Line(doc, $"| (creation) | {Names(NodeTransitions.Initial)} |");
        foreach (MachineStatus from in s_statuses)
        {
            Line(doc, $"| {from.ConstantName()} | {Names(NodeTransitions.Table[from])} |");
        }

        Line(doc);
    }

    private static void RenderFailureMap(StringBuilder doc)
    {
        Line(doc, "## Failure map and monitored statuses");
        Line(doc);
        Line(doc, "A machine in a monitored status that outlives its expiry is failed by the status monitor with");
        Line(doc, "`Node operation '<label>' timed out after <N> minutes.`, except DEPLOYING, which gets MAAS's deploy");
        Line(doc, "workflow message `time-out during deployment`.");
        Line(doc);
        Line(doc, "| Monitored status | Fails to | Timeout |");
        Line(doc, "|---|---|---|");
        foreach (var (from, to) in MachineStatuses.FailureMap.OrderBy(pair => pair.Key))
        {
            Line(doc, $"| {from.ConstantName()} | {to.ConstantName()} | {Timeout(from)} |");
        }

        Line(doc);
    }

    private static void RenderNamedSets(StringBuilder doc)
    {
        Line(doc, "## Named sets");
        Line(doc);
        Line(doc, "| Set | Statuses |");
        Line(doc, "|---|---|");
        Line(doc, $"| Monitored (`MONITORED_STATUSES`) | {Names(MachineStatuses.Monitored)} |");
        Line(doc, $"| Failed (`FAILED_STATUSES`) | {Names(MachineStatuses.Failed)} |");
        Line(doc, $"| Allocated (`ALLOCATED_NODE_STATUSES`) | {Names(MachineStatuses.Allocated)} |");
        Line(doc, $"| Releasable (`RELEASABLE_STATUSES`) | {Names(MachineStatuses.Releasable)} |");
        Line(doc, $"| Commissioning-like (`COMMISSIONING_LIKE_STATUSES`) | {Names(MachineStatuses.CommissioningLike)} |");
        Line(doc, $"| Testing resets to READY (`NODE_TESTING_RESET_READY_TRANSITIONS`) | {Names(MachineStatuses.TestingResetReady)} |");
        Line(doc, $"| previous_status not recorded when leaving | {Names(MachineStatuses.PreviousStatusNotRecordedFrom)} |");
        Line(doc, $"| Owner cleared on entering | {Names(MachineStatuses.OwnerClearedOnEntering)} |");
        Line(doc);
    }
}
