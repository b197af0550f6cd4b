using Ingot.Core.Machines;
using Ingot.Core.Users;

namespace Ingot.Core.Cloning;

/// <summary>
/// Cloning storage and/or interface configuration from one machine to others (MAAS's
/// <c>CloneForm</c>). Two entry points, as in MAAS: the REST op <c>POST /machines/ op=clone</c> is
/// all-or-nothing; the UI action <c>clone</c> drops the destinations that failed and clones to the rest.
/// Every destination is validated and planned before any machine changes, and all destinations
/// are saved in one transaction.
/// </summary>
public sealed class MachineCloner(IMachineStore store, TimeProvider time)
{
    /// <summary>
    /// <c>POST /machines/ op=clone</c>: any error (on the form or on any destination) throws
    /// <see cref="CloneValidationException"/> (400) and nothing changes. Returns the cloned destinations (204).
    /// </summary>
    public async Task<IReadOnlyList<Machine>> CloneAsync(CloneRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        CloneValidation validation = await CloneForm.ValidateAsync(store, request, actor, ct);
        if (validation.Errors.Count > 0)
        {
            throw new CloneValidationException(validation.Errors);
        }

        return await ApplyAsync(validation, actor, ct);
    }

    /// <summary>
    /// The UI action <c>clone</c> on <paramref name="sourceSystemId"/>: when destinations fail the
    /// storage or networking checks, they are dropped (with any other destination that has an
    /// error, such as the source itself) and the form is run again on the rest, until none fails
    /// those checks. Any other error (a missing or unknown destination, neither flag set) clones
    /// nothing. The outcome lists what was cloned and every error with its code, message and system_id.
    /// </summary>
    /// <remarks>
    /// MAAS's action tests the error codes "storage" and "network"; the form's networking code is
    /// "networking", so in MAAS a destination that fails only the interface check makes the whole
    /// action fail. Ingot drops it like a storage failure, as the documented behaviour says.
    /// </remarks>
    public async Task<CloneOutcome> CloneActionAsync(
        string sourceSystemId, IReadOnlyList<string> destinations, bool storage, bool interfaces, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(actor);
        var reported = new List<CloneError>();
        IReadOnlyList<string> remaining = destinations;
        while (true)
        {
            CloneValidation validation = await CloneForm.ValidateAsync(store, new CloneRequest(sourceSystemId, remaining, storage, interfaces), actor, ct);
            if (validation.Errors.Count == 0)
            {
                return new CloneOutcome(await ApplyAsync(validation, actor, ct), reported);
            }

            reported.AddRange(validation.Errors);
            bool droppable = validation.Errors.Any(e => e.Code is CloneErrorCodes.Storage or CloneErrorCodes.Networking);
            if (!droppable)
            {
                return new CloneOutcome([], reported);
            }

            var failed = validation.Errors.Where(e => e.SystemId is not null).Select(e => e.SystemId).ToHashSet();
            remaining = [.. validation.Destinations.Where(d => !failed.Contains(d.Machine.SystemId)).Select(d => d.Given)];
            if (remaining.Count == 0)
            {
                return new CloneOutcome([], reported);
            }
        }
    }

    private async Task<IReadOnlyList<Machine>> ApplyAsync(CloneValidation validation, Actor actor, CancellationToken ct)
    {
        Machine source = validation.Source!;
        DateTime now = time.GetUtcNow().UtcDateTime;
        foreach (ClonePlan plan in validation.Plans)
        {
            plan.Apply(source, now, actor.Username);
        }

        Machine[] cloned = [.. validation.Plans.Select(p => p.Destination)];
        await store.SaveAllAsync(cloned, ct);
        return cloned;
    }
}
