using System.Globalization;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Regions;

namespace Ingot.Core.Power;

/// <summary>
/// Carries out what life-cycle operations asked of the BMC and keeps the power state: takes a machine's
/// pending <see cref="Machine.RequestedPower"/>, sends it through <see cref="IPowerClient"/>, and records
/// the result (events, power state, the transitions that wait for power). Queries store the reported
/// state. Saves go through the version check; a concurrent change is reloaded and the result applied again.
/// Requests are claimed for this region (<paramref name="regions"/>; <see cref="OneRegion.Shared"/> when
/// not given), and the claims of regions that stopped are taken over.
/// </summary>
public sealed class MachinePower(IMachineStore store, IPowerClient client, TimeProvider time, IRegionLiveness? regions = null)
{
    private readonly IRegionLiveness _regions = regions ?? OneRegion.Shared;

    /// <summary>Lines for the debug log about decisions no power call shows (a taken-over claim settled by the machine's boot).</summary>
    public Action<string>? Log { get; init; }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// MAAS's <c>CHANGE_POWER_STATE_TIMEOUT</c>: a power action with all its retries is given up after 5 minutes
    /// (a backstop for broken BMCs), and fails with MAAS's <see cref="TimedOut"/>.
    /// </summary>
    public static TimeSpan ActionTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The failure MAAS records for a power action that ran past <see cref="ActionTimeout"/>.</summary>
    public const string TimedOut = "Timed out";

    /// <summary>
    /// Performs the machine's pending power request, if any; returns the outcome (null when nothing was
    /// pending). A request taken over from a region that stopped before recording its result is first
    /// checked against the machine's own evidence (a network boot under the claim, <see cref="BootedAlreadyAsync"/>)
    /// and the BMC (<see cref="DoneAlreadyAsync"/>), so that an action the stopped region carried out is
    /// recorded rather than done twice. <paramref name="claimed"/> is told which request was claimed, once the
    /// claim is saved. An action still under way after <see cref="ActionTimeout"/> is given up and recorded as failed;
    /// the bound is on the BMC's calls only: the saves that record their result wait as long as the store needs (at
    /// 10,000 machines SQLite's write lock made such saves minutes long, and actions the BMC had done were recorded as
    /// "Timed out").
    /// </summary>
    public async Task<PowerOutcome?> CarryOutAsync(string systemId, CancellationToken ct, Action<PowerRequest>? claimed = null)
    {
        IReadOnlySet<string> live = await _regions.LiveRegionsAsync(ct);
        (Machine? machine, PowerClaim claim, string identity) = await TakeAsync(systemId, live, ct);
        if (machine is null || claim.Request == PowerRequest.None)
        {
            return null;
        }

        claimed?.Invoke(claim.Request);
        using var bound = new CancellationTokenSource(ActionTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, bound.Token);
        try
        {
            return await CarryOutClaimAsync(machine, claim, identity, linked.Token, ct);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var outcome = PowerOutcome.Failed(TimedOut);
            await ChangeAsync(systemId, m => RecordTimedOut(m, claim.Request, outcome), ct);
            return outcome;
        }
    }

    /// <summary>Calls to the BMC take <paramref name="action"/> (bounded by <see cref="ActionTimeout"/>); saves take <paramref name="ct"/>.</summary>
    private async Task<PowerOutcome?> CarryOutClaimAsync(Machine machine, PowerClaim claim, string identity, CancellationToken action, CancellationToken ct)
    {
        if (claim is { TakenOver: true, Request: PowerRequest.On } && machine.PowerClaimBooted is { } booted)
        {
            return await BootedAlreadyAsync(machine, claim.Request, identity, booted, ct);
        }

        if (claim.Request == PowerRequest.Cycle && machine.IsPowerQueryable)
        {
            return await CycleAsync(machine, claim.TakenOver, identity, action, ct);
        }

        PowerOutcome outcome = (claim.TakenOver ? await DoneAlreadyAsync(machine, claim.Request, identity, action) : null)
            ?? await client.PerformAsync(Command(machine, claim.Request) with { Claim = identity, NetworkBooted = BootedUnderClaim(machine.SystemId) }, action);
        await ChangeAsync(machine.SystemId, m => m.RecordPowerResult(claim.Request, outcome, Now), ct);
        return outcome;
    }

    /// <summary>A timed-out action is recorded as failed while its claim is still this region's (at whichever step a cycle reached).</summary>
    private void RecordTimedOut(Machine machine, PowerRequest request, PowerOutcome outcome)
    {
        if (machine.PowerClaimedBy == _regions.RegionId && machine.ClaimedPower != PowerRequest.None)
        {
            machine.RecordPowerResult(request, outcome, Now, machine.ClaimedPower);
        }
    }

    /// <summary>
    /// A claimed cycle (MAAS's <c>PowerDriver.cycle</c>: on when off, else off then on), fresh or taken over,
    /// done in steps the claim records: the BMC is queried; when on, it is powered off; then the claim moves
    /// on to On (<see cref="Machine.AdvancePowerClaim"/>) before the power-on is sent. A region that takes the
    /// claim over then knows how far it got: a claim still on Cycle has sent no power-on (a BMC showing on
    /// was not turned off yet, one showing off gets its power-on), and a claim on On is a power-on that is
    /// done when the BMC shows on. Sending the whole cycle again would power a machine that had been turned
    /// on by it off and on once more (the two-region test's On, On, ForceOff, On). A failed query sends the
    /// cycle as one action, as before; a claim another region holds by now gets nothing sent (null).
    /// </summary>
    private async Task<PowerOutcome?> CycleAsync(Machine machine, bool takenOver, string identity, CancellationToken action, CancellationToken ct)
    {
        PowerOutcome state = await client.QueryAsync(Command(machine, PowerRequest.None) with { Claim = identity }, action);
        PowerOutcome outcome;
        PowerRequest step = PowerRequest.Cycle;
        if (takenOver && state is { Succeeded: true, State: PowerState.On } && machine.PowerClaimBooted is { } booted)
        {
            // On and network-booted since the cycle was claimed: it rebooted into what its status serves. Had the
            // stopped region turned it off after that boot, the BMC would show off, and the power-on is sent below.
            return await BootedAlreadyAsync(machine, PowerRequest.Cycle, identity, booted, ct);
        }

        if (!state.Succeeded || state.State is not (PowerState.On or PowerState.Off))
        {
            outcome = await client.PerformAsync(Command(machine, PowerRequest.Cycle) with { Claim = identity }, action);
        }
        else if (state.State == PowerState.On
            && await client.PerformAsync(Command(machine, PowerRequest.Off) with { Claim = identity }, action) is { Succeeded: false } off)
        {
            outcome = off;
        }
        else if (await AdvanceAsync(machine.SystemId, PowerRequest.Cycle, PowerRequest.On, ct))
        {
            step = PowerRequest.On;
            outcome = await client.PerformAsync(Command(machine, PowerRequest.On) with { Claim = identity, NetworkBooted = BootedUnderClaim(machine.SystemId) }, action);
        }
        else
        {
            return null;
        }

        await ChangeAsync(machine.SystemId, m => m.RecordPowerResult(PowerRequest.Cycle, outcome, Now, step), ct);
        return outcome;
    }

    /// <summary>
    /// A taken-over power-on (or cycle) whose machine network-booted under the claim (<see cref="Machine.PowerClaimBooted"/>):
    /// the stopped region's action reached the machine, which may have booted, finished and turned itself off
    /// since (so the BMC showing off proves nothing). Recorded as the stopped region would have (powered on),
    /// nothing is sent.
    /// </summary>
    private async Task<PowerOutcome> BootedAlreadyAsync(Machine machine, PowerRequest request, string identity, DateTime booted, CancellationToken ct)
    {
        Log?.Invoke(string.Create(
            CultureInfo.InvariantCulture,
            $"Power {request} for {machine.SystemId} under claim [{identity}] not sent: the machine network-booted at {booted:HH:mm:ss.fff} under the claim"));
        var outcome = new PowerOutcome(PowerState.On);
        await ChangeAsync(machine.SystemId, m => m.RecordPowerResult(request, outcome, Now), ct);
        return outcome;
    }

    /// <summary>
    /// The machine's evidence that the power-on under this region's claim took effect: it network-booted under the
    /// claim (<see cref="Machine.PowerClaimBooted"/>, recorded by the boot server and cleared when a claim or a cycle's
    /// power-on step starts). Read from the store when the power layer asks, which it does only when the BMC shows the
    /// machine not on after a power-on: the fast machine that booted, finished and turned itself off is not powered on again.
    /// </summary>
    private Func<CancellationToken, Task<bool>> BootedUnderClaim(string systemId) =>
        async c => await store.FindAsync(systemId, c) is { PowerClaimBooted: not null } m && m.PowerClaimedBy == _regions.RegionId;

    /// <summary>Moves this region's claim on to its next step (<see cref="Machine.AdvancePowerClaim"/>); false when it is not this region's any more.</summary>
    private Task<bool> AdvanceAsync(string systemId, PowerRequest from, PowerRequest to, CancellationToken ct) =>
        ConflictRetry.RunAsync(
            async c =>
            {
                if (await store.FindAsync(systemId, c) is not { } machine || !machine.AdvancePowerClaim(from, to, _regions.RegionId, Now))
                {
                    return false;
                }

                await store.SaveAsync(machine, c);
                return true;
            },
            time,
            ct);

    /// <summary>
    /// Whether the machine's stored request, not taken yet, supersedes the action under way that claimed
    /// <paramref name="underWay"/>: it is a different request (the same one waits for it, as in MAAS: "what we want is
    /// already happening"). The caller cancels the action under way; the new request then follows it.
    /// </summary>
    public async Task<bool> SupersedesAsync(string systemId, PowerRequest underWay, CancellationToken ct) =>
        underWay != PowerRequest.None
        && await store.FindAsync(systemId, ct) is { RequestedPower: not PowerRequest.None and var requested }
        && requested != underWay;

    /// <summary>
    /// The machines with a power request not yet carried out (stored with the machine), e.g. accepted
    /// before a restart or by another region, or claimed by a region that stopped before recording the
    /// result (<see cref="Machine.HasPowerWork"/>): the executor submits them at start and every few seconds.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        IReadOnlySet<string> live = await _regions.LiveRegionsAsync(ct);
        return await store.PowerWorkAsync(Now, live, ct);
    }

    /// <summary>Asks the BMC (<c>query_power_state</c>, the poller) and stores the answer; non-queryable types answer unknown.</summary>
    public async Task<PowerOutcome> QueryAsync(Machine machine, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (!machine.IsPowerQueryable)
        {
            return new PowerOutcome(PowerState.Unknown);
        }

        PowerOutcome outcome = await client.QueryAsync(Command(machine, PowerRequest.None), ct);

        // Saved on every answer, not only on a change: the query time (power_state_queried) is shown.
        await ChangeAsync(machine.SystemId, m => m.RecordQueriedPowerState(outcome, Now), ct);

        return outcome;
    }

    /// <summary>
    /// One polling pass: every machine with a queryable power type is queried, at most
    /// <paramref name="parallelism"/> at a time, and changes are stored. Returns how many were queried.
    /// </summary>
    public async Task<int> PollAsync(int parallelism, CancellationToken ct)
    {
        // Without hardware: each answer is saved from a fresh read (ChangeAsync), never from this list.
        IReadOnlyList<Machine> machines = await store.ListAsync(new MachineQuery { Hardware = false }, ct);
        Machine[] queryable = [.. machines.Where(m => m.IsPowerQueryable)];
        await Parallel.ForEachAsync(
            queryable, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (m, c) => await QueryAsync(m, c));
        return queryable.Length;
    }

    private static PowerCommand Command(Machine machine, PowerRequest request) =>
        new(machine.SystemId, machine.PowerType, new Dictionary<string, string>(machine.PowerParameters), request);

    /// <summary>
    /// The outcome of a taken-over on or off that the BMC shows done already: the stopped region sent it
    /// (the request was made while the machine was in the other state: <c>start</c> asks for a cycle when
    /// the machine is on, and a cycle's claim is on On only once its power-off is done, <see cref="CycleAsync"/>).
    /// Null when the BMC cannot tell (a non-queryable type, a failed query) or shows it not done: then the
    /// action is sent.
    /// </summary>
    private async Task<PowerOutcome?> DoneAlreadyAsync(Machine machine, PowerRequest request, string identity, CancellationToken ct)
    {
        PowerState? wanted = request switch
        {
            PowerRequest.On => PowerState.On,
            PowerRequest.Off or PowerRequest.SoftOff => PowerState.Off,
            _ => null,
        };
        if (wanted is null || !machine.IsPowerQueryable)
        {
            return null;
        }

        PowerOutcome state = await client.QueryAsync(Command(machine, PowerRequest.None) with { Claim = identity }, ct);
        return state.Succeeded && state.State == wanted ? state : null;
    }

    /// <summary>
    /// Takes the machine's power work (<see cref="Machine.TakeRequestedPower"/>) with the version check; a
    /// machine with none is not saved, so a request submitted twice (in two regions) costs one read.
    /// </summary>
    private Task<(Machine? Machine, PowerClaim Claim, string Identity)> TakeAsync(string systemId, IReadOnlySet<string> live, CancellationToken ct) =>
        ConflictRetry.RunAsync<(Machine?, PowerClaim, string)>(
            async c =>
            {
                if (await store.FindAsync(systemId, c) is not { } machine || !machine.HasPowerWork(Now, live))
                {
                    return (null, PowerClaim.None, "");
                }

                string? previous = machine.PowerClaimedBy;
                DateTime now = Now;
                PowerClaim claim = machine.TakeRequestedPower(now, _regions.RegionId, live);
                await store.SaveAsync(machine, c);
                return (machine, claim, ClaimIdentity(claim, now, previous));
            },
            time,
            ct);

    /// <summary>The claim as the power layer's logs name it: this region, when it was taken, and from which region it was taken over.</summary>
    private string ClaimIdentity(PowerClaim claim, DateTime taken, string? previous) =>
        string.Create(CultureInfo.InvariantCulture, $"{claim.Request} by region {_regions.RegionId} at {taken:HH:mm:ss.fff}") +
        (claim.TakenOver ? $", taken over from region {previous ?? "(none)"}" : "");

    // A storm of 100 machines lost power-state saves after three attempts (the webhook, signal and the
    // requery all write the same machines); the shared bounded retry waits a little between attempts.
    private Task<Machine?> ChangeAsync(string systemId, Action<Machine> change, CancellationToken ct) =>
        ConflictRetry.RunAsync(
            async c =>
            {
                if (await store.FindAsync(systemId, c) is not { } machine)
                {
                    return null;
                }

                change(machine);
                await store.SaveAsync(machine, c);
                return machine;
            },
            time,
            ct);
}
