using Ingot.Core.Machines.Permissions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines.Actions;

public sealed partial class MachineOperations
{
    /// <summary>
    /// How many accepted machines one transaction saves: <c>accept</c> and <c>accept_all</c> save in
    /// batches of this size, so a thousand NEW machines are not one all-or-nothing save that any
    /// concurrent write on one of them would refuse.
    /// </summary>
    public const int AcceptBatch = 100;

    private static readonly MachineQuery s_newMachines = new() { Statuses = [MachineStatus.New], PowerParameters = false };

    private const string AcceptLoginMessage = "You must be logged in to accept machines.";

    /// <summary>
    /// <c>POST /machines/ op=accept</c>: anonymous is 401; unknown ids 400; ids the actor cannot
    /// administer 403; then <c>accept_enlistment</c> on each (NEW starts commissioning, READY and
    /// COMMISSIONING are no-ops, anything else 409, refused before anything is saved), saved in
    /// batches of <see cref="AcceptBatch"/>. Returns the machines whose status changed.
    /// </summary>
    public async Task<IReadOnlyList<Machine>> AcceptAsync(IReadOnlyCollection<string> systemIds, Actor? actor, CancellationToken ct)
    {
        if (actor is null)
        {
            throw new MachineOperationException(ErrorCategory.Unauthorized, "Unauthorized", AcceptLoginMessage);
        }

        List<Machine> machines = await LoadManyAsync(systemIds, actor, NodePermission.Admin, "accept", ct);

        return await AcceptEachAsync(machines, actor, ct);
    }

    /// <summary>
    /// <c>POST /machines/ op=accept_all</c>: every NEW machine the actor may administer; for a
    /// non-admin that is none, which is not an error. Each machine goes NEW → COMMISSIONING through
    /// the transition table; they are saved in batches of <see cref="AcceptBatch"/>, and a batch that
    /// lost a race to another writer is accepted machine by machine from fresh reads (a machine that
    /// keeps losing stays NEW and is left out of the answer; the others are accepted).
    /// </summary>
    public async Task<IReadOnlyList<Machine>> AcceptAllAsync(Actor? actor, CancellationToken ct)
    {
        if (actor is null)
        {
            throw new MachineOperationException(ErrorCategory.Unauthorized, "Unauthorized", AcceptLoginMessage);
        }

        // Only the NEW machines, without their power parameters (one decryption each, and accepting
        // does not change them; the save keeps the stored ones): under a storm most of the fleet is
        // commissioning with its hardware, and reading all of it made accept_all slow.
        IReadOnlyList<Machine> fresh = await store.ListAsync(s_newMachines, ct);
        return await AcceptEachAsync(
            [.. fresh.Where(m => m.Status == MachineStatus.New && MachinePermissions.Has(actor, m, NodePermission.Admin))], actor, ct);
    }

    private async Task<IReadOnlyList<Machine>> AcceptEachAsync(IReadOnlyList<Machine> machines, Actor actor, CancellationToken ct)
    {
        // Refuse before changing anything, with the first machine MAAS would have refused.
        if (machines.FirstOrDefault(m => m.Status is not (MachineStatus.New or MachineStatus.Ready or MachineStatus.Commissioning)) is { } refused)
        {
            throw MachineOperationException.StateViolation(
                $"Cannot accept node enlistment: node {refused.SystemId} is in state {refused.Status.Label()}.");
        }

        DateTime now = Now;
        List<Machine> decided = [.. machines.Where(m => m.AcceptEnlistment(actor, now, settings))];
        var accepted = new List<Machine>(decided.Count);
        foreach (Machine[] batch in decided.Chunk(AcceptBatch))
        {
            try
            {
                await store.SaveAllAsync(batch, ct);
                accepted.AddRange(batch);
            }
            catch (MachineConflictException)
            {
                // Someone else saved one of them meanwhile (a power state, a webhook event): nothing of
                // this batch was written. Accept its machines one by one from a fresh read instead, so
                // the conflict costs only the machine it was on a retry.
                foreach (Machine machine in batch)
                {
                    if (await AcceptAgainAsync(machine.SystemId, actor, ct) is { } again)
                    {
                        accepted.Add(again);
                    }
                }
            }
        }

        return accepted;
    }

    /// <summary>
    /// Accepts one machine from a fresh read, again after each lost race (<see cref="ConflictRetry"/>).
    /// Null when it needs no accepting any more (someone else accepted it, or it left NEW) or when it
    /// still lost after every attempt: then it stays NEW, out of the answer, for the next accept.
    /// </summary>
    private async Task<Machine?> AcceptAgainAsync(string systemId, Actor actor, CancellationToken ct)
    {
        try
        {
            return await ConflictRetry.RunAsync<Machine?>(
                async c =>
                {
                    Machine? machine = await store.FindAsync(systemId, c);
                    if (machine is not { Status: MachineStatus.New } || !MachinePermissions.Has(actor, machine, NodePermission.Admin)
                        || !machine.AcceptEnlistment(actor, Now, settings))
                    {
                        return null;
                    }

                    await store.SaveAsync(machine, c);
                    return machine;
                },
                time,
                ct);
        }
        catch (MachineConflictException)
        {
            return null;
        }
    }
}
