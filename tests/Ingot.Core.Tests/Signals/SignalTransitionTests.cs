using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using static Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Tests.Signals;

/// <summary>
/// The signal table's status changes checked against <see cref="NodeTransitions"/>: which targets
/// MAAS's <c>update_status</c> would refuse, and whether a real machine can ever meet them.
/// </summary>
public class SignalTransitionTests
{
    private static IEnumerable<SignalFacts> AllFacts() =>
        from previous in MachineStatuses.All
        from enlisting in new[] { false, true }
        from failed in new[] { false, true }
        select new SignalFacts(previous, enlisting, failed);

    [Fact]
    public void Only_the_documented_targets_are_refused_by_the_table()
    {
        var attempted = new HashSet<(MachineStatus From, MachineStatus To)>();
        var refused = new HashSet<(MachineStatus From, MachineStatus To)>();
        foreach (MachineStatus status in MachineStatuses.All)
        {
            foreach (SignalStatus signal in SignalStatuses.All)
            {
                foreach (SignalFacts facts in AllFacts())
                {
                    SignalOutcome outcome = SignalTable.Evaluate(status, signal, facts);
                    if (outcome.Target is { } target)
                    {
                        attempted.Add((status, target));
                        if (!outcome.IsAccepted)
                        {
                            refused.Add((status, target));
                        }
                    }
                }
            }
        }

        (MachineStatus, MachineStatus)[] expected =
        [
            (Deployed, FailedCommissioning), (Deployed, New),
            (Testing, Deploying), (Testing, Releasing), (Testing, DiskErasing),
            (Testing, RescueMode), (Testing, EnteringRescueMode), (Testing, ExitingRescueMode),
        ];
        Assert.Equal(expected.Order(), refused.Order());
        Assert.All(attempted.Except(refused), t => Assert.True(NodeTransitions.IsAllowed(t.From, t.To), $"{t.From} -> {t.To}"));
        Assert.All(refused, t => Assert.False(NodeTransitions.IsAllowed(t.From, t.To)));
    }

    [Fact]
    public void Mark_failed_targets_are_the_failure_map()
    {
        foreach (MachineStatus status in MachineStatuses.All)
        {
            SignalOutcome outcome = SignalTable.Evaluate(status, SignalStatus.Failed, new SignalFacts());
            if (outcome.FailureComment is not null)
            {
                Assert.NotNull(status.FailedStatusFor());
            }
        }
    }

    /// <summary>
    /// previous_status while TESTING, over every reachable (status, previous_status) pair: the table's
    /// edges, plus creation as DEPLOYED (deployed=true), with MAAS's rule that leaving a rescue-like
    /// status or TESTING does not record previous_status. None of the refused targets is reachable,
    /// so in practice "Testing → previous_status" never raises.
    /// </summary>
    [Fact]
    public void A_machine_in_testing_never_has_a_previous_status_the_testing_row_lacks()
    {
        var seen = new HashSet<(MachineStatus Status, MachineStatus Previous)> { (New, New), (Deployed, New) };
        var queue = new Queue<(MachineStatus Status, MachineStatus Previous)>(seen);
        while (queue.TryDequeue(out var at))
        {
            foreach (MachineStatus to in NodeTransitions.Table[at.Status])
            {
                MachineStatus previous = MachineStatuses.PreviousStatusNotRecordedFrom.Contains(at.Status) ? at.Previous : at.Status;
                if (seen.Add((to, previous)))
                {
                    queue.Enqueue((to, previous));
                }
            }
        }

        MachineStatus[] previousInTesting = [.. seen.Where(p => p.Status == Testing).Select(p => p.Previous).Distinct()];
        Assert.Contains(Deployed, previousInTesting);
        Assert.Contains(FailedCommissioning, previousInTesting);
        Assert.All(previousInTesting, previous =>
        {
            SignalOutcome outcome = SignalTable.Evaluate(Testing, SignalStatus.Ok, new SignalFacts(previous));
            Assert.True(outcome.IsAccepted, $"previous_status {previous}: {outcome.Refusal?.Message}");
        });
    }
}
