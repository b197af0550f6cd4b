using Ingot.Core.Events;
using Ingot.Core.Hardware;

namespace Ingot.Core.Machines;

/// <summary>
/// Where machines live. Every write is one transaction that stores the machine together with its
/// <see cref="Machine.PendingEvents"/> and checks <see cref="Machine.Version"/> (compare-and-set):
/// a machine changed by someone else since it was loaded raises <see cref="MachineConflictException"/>
/// and nothing is written.
/// </summary>
public interface IMachineStore
{
    Task<Machine?> FindAsync(string systemId, CancellationToken ct);

    /// <summary>Every machine with its hardware and power parameters, ordered by id.</summary>
    Task<IReadOnlyList<Machine>> ListAsync(CancellationToken ct);

    /// <summary>
    /// The machines <paramref name="query"/> selects, with their hardware, ordered by id; power
    /// parameters only if the query asks for them (see <see cref="MachineQuery.PowerParameters"/>).
    /// Use it for the hot reads: the machines/ list (<see cref="MachineQuery.ForDisplay"/>) and
    /// allocation (<see cref="MachineQuery.AllocationCandidates"/>). The default filters
    /// <see cref="ListAsync(CancellationToken)"/>; real stores read only the rows they need.
    /// </summary>
    async Task<IReadOnlyList<Machine>> ListAsync(MachineQuery query, CancellationToken ct) =>
        [.. (await ListAsync(ct)).Where(query.Selects)];

    /// <summary>Inserts a new machine (and its events).</summary>
    Task AddAsync(Machine machine, CancellationToken ct);

    /// <summary>Saves one machine with its events; compare-and-set on its version.</summary>
    Task SaveAsync(Machine machine, CancellationToken ct);

    /// <summary>
    /// Saves the machine with its events and, in the same transaction, the script sets (their last
    /// ping and every result, new ones added): compare-and-set on the machine's version and on each
    /// set's <see cref="Scripts.ScriptSet.Version"/>. If any of them was saved by someone else since it
    /// was read, nothing is written and <see cref="MachineConflictException"/> is thrown. A signal saves
    /// this way, so two signals of one machine (from one region or two) cannot write each other's results back.
    /// </summary>
    Task SaveAsync(Machine machine, IReadOnlyList<Scripts.ScriptSet> scriptSets, CancellationToken ct);

    /// <summary>
    /// Saves the machine with its events and, in the same transaction, gives back or moves the addresses its interfaces'
    /// links held (<see cref="Networks.LinkAddresses"/>: a bond or bridge was made of them), bumping the network model's
    /// version: both written or neither. Compare-and-set on the machine's version only
    /// (<see cref="MachineConflictException"/>, nothing written).
    /// </summary>
    Task SaveAsync(Machine machine, Networks.LinkAddresses addresses, CancellationToken ct);

    /// <summary>
    /// Saves several machines in one transaction: all or nothing (clone, bulk release). A conflict
    /// on any one of them writes none.
    /// </summary>
    Task SaveAllAsync(IReadOnlyList<Machine> machines, CancellationToken ct);

    /// <summary>
    /// Allocation's claim: takes the first of <paramref name="candidates"/> (in their order) that is
    /// still READY, unchanged since it was read (its version) and not being claimed by another writer,
    /// applies <paramref name="acquire"/> to it and writes only the columns an acquire changes (status,
    /// previous status, expiry, owner, agent name, updated, version) with its events: never its disks,
    /// interfaces or power parameters, however it was read. Returns the machine claimed, or null when
    /// every candidate was taken or changed meanwhile; a candidate not claimed may have been changed by
    /// <paramref name="acquire"/> in memory and is to be read again. PostgreSQL picks with
    /// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent claims (in one region or several) get different machines.
    /// </summary>
    Task<Machine?> ClaimAsync(IReadOnlyList<Machine> candidates, Action<Machine> acquire, CancellationToken ct);

    /// <summary>Deletes a machine; compare-and-set on its version.</summary>
    Task DeleteAsync(Machine machine, CancellationToken ct);

    /// <summary>Machines in a monitored status whose expiry is at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Machine>> FindExpiredAsync(DateTime now, CancellationToken ct);

    /// <summary>
    /// The system ids, in id order, of the machines with power work for a region at <paramref name="now"/>
    /// (<see cref="Machine.HasPowerWork"/>): a power request not yet taken, or a claim that ran out or whose region
    /// is not among <paramref name="liveRegions"/>. The power executor asks every few seconds, so real stores
    /// answer from the power columns alone, without reading machines. The default filters
    /// <see cref="ListAsync(CancellationToken)"/>.
    /// </summary>
    async Task<IReadOnlyList<string>> PowerWorkAsync(DateTime now, IReadOnlySet<string> liveRegions, CancellationToken ct) =>
        [.. (await ListAsync(ct)).Where(m => m.HasPowerWork(now, liveRegions)).Select(m => m.SystemId)];

    /// <summary>Enlistment: the first NEW/COMMISSIONING machine whose BMC has this power address.</summary>
    Task<Machine?> FindEnlistingByPowerAddressAsync(string powerAddress, CancellationToken ct);

    /// <summary>Enlistment: the first NEW/COMMISSIONING machine with an interface carrying one of these MACs.</summary>
    Task<Machine?> FindEnlistingByMacAsync(IReadOnlyCollection<MacAddress> macs, CancellationToken ct);

    /// <summary>The machine that has an interface with this MAC, if any (MAC uniqueness).</summary>
    Task<Machine?> FindByMacAsync(MacAddress mac, CancellationToken ct);

    /// <summary>Which of <paramref name="hostnames"/> machines already have (hostname uniqueness); reads hostnames only.</summary>
    Task<IReadOnlySet<string>> TakenHostnamesAsync(IReadOnlyCollection<string> hostnames, CancellationToken ct);

    /// <summary>A machine's events, oldest first.</summary>
    Task<IReadOnlyList<MachineEvent>> EventsAsync(string systemId, CancellationToken ct);
}
