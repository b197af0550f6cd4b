using Ingot.Core.Events;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// How long a region's claim on a power request lasts (<see cref="PowerClaimExpires"/>): a minute longer than a
    /// power action may take with all its retries (<see cref="MachinePower.ActionTimeout"/>), so that a claim only
    /// runs out when its region died. At 2 minutes, an IPMI power-off to a dead BMC (7 tries of about 20 s each, with
    /// MAAS's pauses between) outlived its claim, and the recovery pass handed the same action out again.
    /// </summary>
    public static readonly TimeSpan PowerClaimTime = TimeSpan.FromMinutes(6);

    /// <summary>
    /// The power request a region took and has not recorded a result for yet (None when there is none).
    /// Stored with the machine, with <see cref="PowerClaimExpires"/>, so that another region carries it
    /// out when the one that took it was killed meanwhile.
    /// </summary>
    public PowerRequest ClaimedPower { get; private set; }

    /// <summary>When the claim on <see cref="ClaimedPower"/> runs out; null when nothing is claimed.</summary>
    public DateTime? PowerClaimExpires { get; private set; }

    /// <summary>
    /// The region that holds the claim (<see cref="Regions.IRegionLiveness.RegionId"/>); null when nothing
    /// is claimed. A claim whose region is no longer running is taken over without waiting for it to run out.
    /// </summary>
    public string? PowerClaimedBy { get; private set; }

    /// <summary>
    /// Whether there is power work for a region to take at <paramref name="now"/>: a request, or a claim
    /// that ran out or whose region is not among <paramref name="liveRegions"/>.
    /// </summary>
    public bool HasPowerWork(DateTime now, IReadOnlySet<string> liveRegions) =>
        RequestedPower != PowerRequest.None || IsPowerClaimAbandoned(now, liveRegions);

    /// <summary>
    /// The pending power request, handed to the power layer once: it is cleared, recorded as starting and
    /// claimed by <paramref name="region"/> until <paramref name="now"/> + <see cref="PowerClaimTime"/>.
    /// Without a request, an abandoned claim (its region stopped before recording a result, or it ran out)
    /// is taken over and returned again as <see cref="PowerClaim.TakenOver"/>, without a second "starting"
    /// event. Saved with the version check, so two regions cannot both take one request or one claim.
    /// </summary>
    public PowerClaim TakeRequestedPower(DateTime now, string region, IReadOnlySet<string> liveRegions)
    {
        ArgumentNullException.ThrowIfNull(region);
        PowerRequest request = RequestedPower;
        if (request == PowerRequest.None)
        {
            if (!IsPowerClaimAbandoned(now, liveRegions))
            {
                return PowerClaim.None;
            }

            // The boot recorded under the claim (PowerClaimBooted) stays: it tells the taker the step took effect.
            PowerClaimExpires = now + PowerClaimTime;
            PowerClaimedBy = region;
            Updated = now;
            return new PowerClaim(ClaimedPower, TakenOver: true);
        }

        RequestedPower = PowerRequest.None;
        ClaimedPower = request;
        PowerClaimExpires = now + PowerClaimTime;
        PowerClaimedBy = region;
        PowerClaimBooted = null;
        Record(request switch
        {
            PowerRequest.On => EventTypes.NodePowerOnStarting,
            PowerRequest.Cycle => EventTypes.NodePowerCycleStarting,
            _ => EventTypes.NodePowerOffStarting,
        }, "", now);
        Updated = now;
        return new PowerClaim(request, TakenOver: false);
    }

    /// <summary>
    /// Moves this region's claim on to the next step of the action (a cycle's power-on: <paramref name="from"/>
    /// Cycle, <paramref name="to"/> On), saved before that step is sent, so that a region taking the claim
    /// over knows how far the action got: a claim on On is done when the BMC shows on. False (nothing
    /// changed) when the claim is no longer <paramref name="region"/>'s at <paramref name="from"/>: another
    /// region took it over, and this one must not send anything more.
    /// </summary>
    public bool AdvancePowerClaim(PowerRequest from, PowerRequest to, string region, DateTime now)
    {
        if (ClaimedPower != from || PowerClaimedBy != region)
        {
            return false;
        }

        ClaimedPower = to;
        PowerClaimExpires = now + PowerClaimTime;
        PowerClaimBooted = null;
        Updated = now;
        return true;
    }

    /// <summary>Records how a power action ended: the new state (through <see cref="UpdatePowerState"/>) or a failure event with MAAS's text.</summary>
    /// <remarks>
    /// A result whose claim was settled already (another region that took the claim over recorded it) and
    /// that shows the state already stored adds no second "Node powered on/off": the action happened once.
    /// <paramref name="claimStep"/> is the step the claim had reached when it is not <paramref name="request"/>
    /// (a cycle whose claim moved on to On, <see cref="AdvancePowerClaim"/>); the events follow the request.
    /// </remarks>
    public void RecordPowerResult(PowerRequest request, PowerOutcome outcome, DateTime now, PowerRequest? claimStep = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        bool settled = ClaimedPower != (claimStep ?? request);
        if (!settled)
        {
            ClaimedPower = PowerRequest.None;
            PowerClaimExpires = null;
            PowerClaimedBy = null;
            PowerClaimBooted = null;
        }

        if (!outcome.Succeeded)
        {
            Record(request switch
            {
                PowerRequest.On => EventTypes.NodePowerOnFailed,
                PowerRequest.Cycle => EventTypes.NodePowerCycleFailed,
                _ => EventTypes.NodePowerOffFailed,
            }, outcome.Error ?? "", now);
            PowerState = PowerState.Error;
            Updated = now;
            return;
        }

        if (outcome.State is PowerState.On or PowerState.Off && !(settled && outcome.State == PowerState))
        {
            Record(outcome.State == PowerState.On ? EventTypes.NodePoweredOn : EventTypes.NodePoweredOff, "", now);
        }

        RecordQueriedPowerState(outcome, now);
    }

    /// <summary>
    /// A claim no region is carrying out: its time ran out, or the region that made it is not running. A
    /// claim without a region (made before regions were recorded) only runs out.
    /// </summary>
    private bool IsPowerClaimAbandoned(DateTime now, IReadOnlySet<string> liveRegions)
    {
        ArgumentNullException.ThrowIfNull(liveRegions);
        return ClaimedPower != PowerRequest.None
            && ((PowerClaimExpires is { } expires && expires <= now) || (PowerClaimedBy is { } region && !liveRegions.Contains(region)));
    }

    /// <summary>
    /// A query's result (<c>update_power_state</c>): a failure is an error state and a NODE_POWER_QUERY_FAILED
    /// event. Either way <see cref="PowerStateQueried"/> becomes <paramref name="now"/>.
    /// </summary>
    public void RecordQueriedPowerState(PowerOutcome outcome, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        PowerStateQueried = now;
        if (!outcome.Succeeded)
        {
            if (PowerState != PowerState.Error)
            {
                Record(EventTypes.NodePowerQueryFailed, outcome.Error ?? "", now);
            }

            PowerState = PowerState.Error;
            Updated = now;
            return;
        }

        if (IsStatusPowerActionPending)
        {
            // The status's own power action (the release's power-off; exit rescue's power-off, or its cycle back
            // into the deployed OS) finishes it (RecordPowerResult): a query that sees the machine in either state
            // first stores the state and changes nothing else, so the events are the same whoever is first.
            PowerState = outcome.State;
            Updated = now;
            return;
        }

        if (outcome.State != PowerState || SettlingPowerState is not null)
        {
            UpdatePowerState(outcome.State, now);
        }
    }

    /// <summary>
    /// The power state whose report settles the status (<see cref="UpdatePowerState"/>): off for RELEASING;
    /// for EXITING_RESCUE_MODE on when previous_status is DEPLOYED, else off; null for every other status.
    /// </summary>
    private PowerState? SettlingPowerState => Status switch
    {
        MachineStatus.Releasing => PowerState.Off,
        MachineStatus.ExitingRescueMode => PreviousStatus == MachineStatus.Deployed ? PowerState.On : PowerState.Off,
        _ => null,
    };

    /// <summary>
    /// The status's own power action is requested or being carried out (claimed) and has no result yet: a
    /// power action that ends in the state that settles the status (<see cref="SettlingPowerState"/>).
    /// </summary>
    private bool IsStatusPowerActionPending =>
        SettlingPowerState is { } settling && (EndState(RequestedPower) == settling || EndState(ClaimedPower) == settling);

    /// <summary>The state a power action leaves the machine in; null for none.</summary>
    private static PowerState? EndState(PowerRequest request) => request switch
    {
        PowerRequest.On or PowerRequest.Cycle => PowerState.On,
        PowerRequest.Off or PowerRequest.SoftOff => PowerState.Off,
        _ => null,
    };
}
