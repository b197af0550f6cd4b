using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts;

/// <summary>
/// The metadata API's <c>signal</c> for one machine: the signal table decides (through
/// <see cref="Machine.Signal"/>), the uploaded results go into the current script set the table names,
/// BMC settings found during commissioning are stored, and passed commissioning results go through
/// their hooks (<see cref="CommissioningHooks"/>): the hardware inventory, lshw and LLDP details, tags.
/// A signal that stores results sets <c>last_sync</c> of a machine with hardware sync on (a DEPLOYED machine's
/// periodic report is such a signal). A refused signal changes nothing.
/// </summary>
public sealed class MachineSignals(
    IMachineStore machines, IScriptResultStore results, TimeProvider time, CommissioningInventory? inventory = null, Catalog.ScriptCatalog? catalog = null)
{
    /// <summary>
    /// Applies the signal. When another writer saved the machine meanwhile (a power state, a webhook
    /// event), everything is done again from a fresh read (<see cref="ConflictRetry"/>): the results of
    /// the losing attempt were not saved, the script set is read again and the table decides again.
    /// The machine and the script set are saved in one transaction with a compare-and-set on both
    /// (<see cref="IMachineStore.SaveAsync(Machine, IReadOnlyList{ScriptSet}, CancellationToken)"/>), so two
    /// signals of one machine at once (scripts of a parallel group, in one region or two) never write each
    /// other's results back: the later one loses and runs again on what the first one saved.
    /// </summary>
    public Task<SignalOutcome> SignalAsync(string systemId, SignalRequest request, CancellationToken ct) =>
        SignalAsync(systemId, request, read: null, ct);

    /// <summary>
    /// As <see cref="SignalAsync(string, SignalRequest, CancellationToken)"/>, the first attempt on
    /// <paramref name="read"/>: the machine as the caller just read it from the store (the metadata API
    /// reads it to authenticate the request), so it is not read twice. Its compare-and-set protects it
    /// as a fresh read's does: if another writer saved the machine since, the save loses and the next
    /// attempt reads the machine again.
    /// </summary>
    public Task<SignalOutcome> SignalAsync(string systemId, SignalRequest request, Machine? read, CancellationToken ct)
    {
        if (read is not null && read.SystemId != systemId)
        {
            throw new ArgumentException($"The machine read is {read.SystemId}, not {systemId}.", nameof(read));
        }

        Machine? first = read;
        return ConflictRetry.RunAsync(
            c =>
            {
                Machine? given = first;
                first = null;
                return SignalOnceAsync(systemId, given, request, c);
            },
            time,
            ct);
    }

    private async Task<SignalOutcome> SignalOnceAsync(string systemId, Machine? read, SignalRequest request, CancellationToken ct)
    {
        Machine machine = read ?? await machines.FindAsync(systemId, ct) ?? throw MachineOperationException.NotFound();
        DateTime now = time.GetUtcNow().UtcDateTime;

        // Where results go is the table's decision; ask it first (pure) so that a refusal stores nothing.
        SignalOutcome preview = SignalTable.Evaluate(machine.Status, request.Status, new SignalFacts(machine.PreviousStatus, machine.Enlisting));
        if (preview.Refusal is { } refusal)
        {
            throw refusal.ToException();
        }

        var sets = new ScriptSets(results, time, catalog);
        ScriptSet? set = preview.StoresResultsIn is ScriptSetKind.Commissioning or ScriptSetKind.Testing or ScriptSetKind.Release
            ? await sets.CurrentAsync(machine, preview.StoresResultsIn.Value, ct)
            : null;
        if (set is not null)
        {
            ScriptResultUpdates.Apply(set, request, now);
            if (set.Kind == ScriptSetKind.Commissioning && inventory is not null)
            {
                await CommissioningHooks.RunAsync(inventory, machine, set, request, now, ct);
            }
        }

        ScriptSet? commissioning = set?.Kind == ScriptSetKind.Commissioning
            ? set
            : machine.Status is MachineStatus.Commissioning or MachineStatus.Deployed ? await sets.FindCurrentAsync(machine, ScriptSetKind.Commissioning, ct) : null;

        if (preview.StoresResultsIn == ScriptSetKind.Commissioning)
        {
            StorePowerSettings(machine, request);
        }

        if (preview.StoresResultsIn is not null)
        {
            // The end of MAAS's _store_results: a machine with hardware sync on has just synced.
            machine.RecordHardwareSync(now);
        }

        SignalOutcome outcome = machine.Signal(request.Status, request.Error, ScriptResultUpdates.HasFailed(commissioning), now);
        if (set is not null && MachineStatuses.Failed.Contains(machine.Status))
        {
            ScriptResultUpdates.AbortUnfinished(set, now);
        }

        await machines.SaveAsync(machine, set is null ? [] : [set], ct);

        return outcome;
    }

    /// <summary>
    /// <c>_process_commissioning</c>'s power update: the BMC the machine found is stored, except over
    /// an <c>mscm</c> machine, and an existing <c>redfish</c> type is never replaced by <c>ipmi</c>.
    /// </summary>
    private static void StorePowerSettings(Machine machine, SignalRequest request)
    {
        if (string.IsNullOrEmpty(request.PowerType) || machine.PowerType == "mscm"
            || (machine.PowerType == "redfish" && request.PowerType == "ipmi"))
        {
            return;
        }

        machine.PowerType = request.PowerType;
        if (request.PowerParameters is { } parameters)
        {
            machine.PowerParameters = new Dictionary<string, string>(parameters);
        }
    }
}
