using System.Text;
using Ingot.Core.Machines.Signals;
using static Ingot.Core.Machines.Docs.MachineStatesDocument;

namespace Ingot.Core.Machines.Docs;

/// <summary>The completion-signal part of <c>docs/machine-states.md</c>, rendered from <see cref="SignalTable"/>.</summary>
internal static class SignalSection
{
    private static readonly SignalFacts s_plain = new(MachineStatus.Allocated);

    // Facts that change some outcome: enlisting, a failed commissioning script, previous_status.
    private static readonly SignalFacts[] s_variants =
    [
        new(MachineStatus.Allocated, Enlisting: true),
        new(MachineStatus.Allocated, HasFailedCommissioningScriptResult: true),
        .. MachineStatuses.All.Select(previous => new SignalFacts(previous)),
    ];

    public static void Render(StringBuilder doc)
    {
        Line(doc, "## Completion signals");
        Line(doc);
        Line(doc, "What a booting machine's `signal` (metadata API) does in each status. `→ X`: the status moves");
        Line(doc, "to X through the table; `fail → X`: `mark_failed`, with its message; `·`: accepted (200), no");
        Line(doc, "status change; `409`: refused with `Machine status isn't valid (status is <label>)`; `409 (table)`:");
        Line(doc, "refused with `Invalid transition: ...` because the table forbids the handler's target. Any other");
        Line(doc, "status string is refused in every status with 400 `Unknown status: '<s>'`.");
        Line(doc, "Cells marked `*` depend on the machine (shown: not enlisting, no failed commissioning script,");
        Line(doc, "previous_status ALLOCATED):");
        Line(doc);
        Line(doc, "- COMMISSIONING and DEPLOYED (one handler): OK → NEW instead of READY while enlisting; a failed");
        Line(doc, "  commissioning script turns READY, NEW and TESTING into FAILED_COMMISSIONING.");
        Line(doc, "- TESTING, OK: NEW while enlisting; READY after a status that testing resets to READY; NEW after");
        Line(doc, "  FAILED_COMMISSIONING; otherwise previous_status.");
        Line(doc);
        Line(doc, "| Status | " + string.Join(" | ", SignalStatuses.All.Select(s => s.WireName())) + " |");
        Line(doc, "|---|" + string.Concat(SignalStatuses.All.Select(_ => "---|")));
        foreach (MachineStatus status in MachineStatuses.All.Order())
        {
            IEnumerable<string> cells = SignalStatuses.All.Select(signal => Cell(status, signal));
            Line(doc, $"| {status.ConstantName()} | {string.Join(" | ", cells)} |");
        }

        Line(doc);
        Line(doc, "Failure messages:");
        Line(doc);
        Line(doc, $"- DEPLOYING: `{SignalTable.InstallationFailed}`");
        Line(doc, $"- DISK_ERASING: `{SignalTable.DiskErasingFailed}`");
        Line(doc, $"- ENTERING_RESCUE_MODE: `{SignalTable.EnteringRescueModeFailed}`");
        Line(doc, $"- RELEASING: `{SignalTable.ReleasingFailed}`");
        Line(doc);
        Line(doc, "DISK_ERASING, OK only records an event. RESCUE_MODE stores the uploaded results and changes nothing.");
        Line(doc, "A status change stores the signal's optional `error` as the machine's error (and clears it when");
        Line(doc, "absent); accepted signals that change no status leave it alone.");
    }

    private static string Cell(MachineStatus status, SignalStatus signal)
    {
        string text = Describe(status, SignalTable.Evaluate(status, signal, s_plain));
        bool varies = s_variants.Any(facts => Describe(status, SignalTable.Evaluate(status, signal, facts)) != text);
        return varies ? text + " *" : text;
    }

    private static string Describe(MachineStatus status, SignalOutcome outcome) => outcome switch
    {
        { Refusal.Message: var message } when message.StartsWith("Invalid transition", StringComparison.Ordinal) => "409 (table)",
        { Refusal: not null } => "409",
        { FailureComment: not null } => "fail → " + status.FailedStatusFor()?.ConstantName(),
        { Target: { } target } when target == s_plain.PreviousStatus => "→ previous_status",
        { Target: { } target } => "→ " + target.ConstantName(),
        _ => "·",
    };
}
