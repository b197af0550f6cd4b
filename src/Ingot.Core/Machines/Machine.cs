using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Power;

namespace Ingot.Core.Machines;

/// <summary>
/// A machine (MAAS's <c>Node</c> of type MACHINE): the aggregate that guards the life-cycle
/// invariants. Its status changes only through <see cref="TransitionTo"/> (checked against
/// <see cref="NodeTransitions"/>) or <see cref="ForceStatus"/> (one of MAAS's named unvalidated
/// paths). Every change records an event in <see cref="PendingEvents"/>, which the store writes
/// in the same transaction as the machine, with a compare-and-set on <see cref="Version"/>.
/// </summary>
public sealed partial class Machine
{
    private readonly List<MachineEvent> _pendingEvents = [];

    private Machine()
    {
    }

    public long Id { get; private set; }

    /// <summary>MAAS's six-character <c>system_id</c>.</summary>
    public string SystemId { get; private set; } = "";

    public string Hostname { get; set; } = "";

    public string Domain { get; set; } = "maas";

    public MachineStatus Status { get; private set; }

    public MachineStatus PreviousStatus { get; private set; }

    /// <summary>The owner's username, or null.</summary>
    public string? Owner { get; private set; }

    public bool Locked { get; private set; }

    /// <summary>When a monitored status times out (UTC); null outside monitored statuses.</summary>
    public DateTime? StatusExpires { get; private set; }

    /// <summary>MAAS's <c>error_description</c>, e.g. the timeout or mark-broken comment.</summary>
    public string ErrorDescription { get; set; } = "";

    /// <summary>MAAS's <c>error</c>, set from a signal's optional <c>error</c> parameter.</summary>
    public string Error { get; set; } = "";

    public string Architecture { get; set; } = "";

    public string PowerType { get; set; } = "";

    /// <summary>Power parameters by MAAS setting name; encrypted at rest by the store.</summary>
    public Dictionary<string, string> PowerParameters { get; set; } = [];

    public PowerState PowerState { get; set; } = PowerState.Unknown;

    public string Osystem { get; set; } = "";

    public string DistroSeries { get; set; } = "";

    public string HweKernel { get; set; } = "";

    public string MinHweKernel { get; set; } = "";

    public string AgentName { get; set; } = "";

    public string Zone { get; set; } = "default";

    public string Pool { get; set; } = "default";

    public List<string> Tags { get; set; } = [];

    public int CpuCount { get; set; }

    /// <summary>CPU speed in MHz.</summary>
    public int CpuSpeed { get; set; }

    public string CpuModel { get; set; } = "";

    /// <summary>Memory in MiB, as MAAS reports it.</summary>
    public long Memory { get; set; }

    public List<BlockDevice> BlockDevices { get; set; } = [];

    public List<NetworkInterface> Interfaces { get; set; } = [];

    /// <summary>Volume groups and RAIDs over the disks (the disks' partitions and filesystems are on <see cref="BlockDevices"/>).</summary>
    public Storage.StorageGroups Storage { get; set; } = new();

    /// <summary>MAAS's <c>NodeMetadata(key="enlisting")</c>: commissioning ends in NEW, not READY.</summary>
    public bool Enlisting { get; set; }

    /// <summary>The current commissioning script set's status; null when never commissioned.</summary>
    public ScriptSetStatus? CommissioningResult { get; set; }

    public bool Netboot { get; set; } = true;

    public bool EnableSsh { get; set; }

    public DateTime Created { get; private set; }

    public DateTime Updated { get; set; }

    /// <summary>The compare-and-set token: the store saves only if it is unchanged, then bumps it.</summary>
    public long Version { get; private set; }

    /// <summary>Events recorded since the machine was loaded; the store writes and clears them.</summary>
    public IReadOnlyList<MachineEvent> PendingEvents => _pendingEvents;

    public static Machine Create(string systemId, string hostname, DateTime now) => new()
    {
        SystemId = systemId,
        Hostname = hostname,
        Status = MachineStatus.New,
        PreviousStatus = MachineStatus.New,
        Created = now,
        Updated = now,
        PowerQueryDue = Power.PowerQueryTransitions.Triggers(null, MachineStatus.New),
    };

    /// <summary>
    /// <c>update_status</c>: moves to <paramref name="to"/> if the table allows it (a
    /// self-transition always does), else throws MAAS's <c>NodeStateViolation</c> (409)
    /// "Invalid transition: &lt;old&gt; -> &lt;new&gt;.".
    /// </summary>
    public void TransitionTo(MachineStatus to, DateTime now, string? username = null)
    {
        if (!NodeTransitions.IsAllowed(Status, to))
        {
            throw MachineOperationException.StateViolation(NodeTransitions.InvalidTransitionMessage(Status, to));
        }

        ApplyStatus(to, now, username);
    }

    /// <summary>Sets the status without the table, on one of MAAS's named unvalidated paths.</summary>
    public void ForceStatus(MachineStatus to, UnvalidatedReason reason, DateTime now, string? username = null)
    {
        _ = reason;
        ApplyStatus(to, now, username);
    }

    /// <summary>Records an event to be written with the machine.</summary>
    public void Record(EventType type, string description, DateTime now, string? username = null) =>
        _pendingEvents.Add(new MachineEvent(type.Name, type.Level, description, now, username));

    /// <summary>Arms (or clears) the monitored-status expiry.</summary>
    public void SetStatusExpires(DateTime? expires) =>
        StatusExpires = Status.IsMonitored() ? expires : null;

    public void SetOwner(string? username) => Owner = username;

    public void SetLocked(bool locked) => Locked = locked;

    /// <summary>Called by the store after a successful save: bumps the version and clears the events.</summary>
    public void Saved(long newVersion)
    {
        Version = newVersion;
        _pendingEvents.Clear();
    }

    /// <summary>
    /// The side effects of <c>pre_save_update_status</c> and <c>Node.save</c>: previous_status is
    /// recorded unless the old status is rescue-like or TESTING; the owner is cleared on entering
    /// NEW or READY; the expiry is cleared outside monitored statuses; a NODE_CHANGED_STATUS event.
    /// </summary>
    private void ApplyStatus(MachineStatus to, DateTime now, string? username)
    {
        MachineStatus from = Status;
        PowerQueryDue |= Power.PowerQueryTransitions.Triggers(from, to);
        if (from != to && !MachineStatuses.PreviousStatusNotRecordedFrom.Contains(from))
        {
            PreviousStatus = from;
        }

        Status = to;
        if (MachineStatuses.OwnerClearedOnEntering.Contains(to))
        {
            Owner = null;
        }

        if (!to.IsMonitored())
        {
            StatusExpires = null;
        }

        Updated = now;
        if (from != to)
        {
            _pendingEvents.Add(new MachineEvent(
                EventTypes.NodeChangedStatus.Name,
                EventTypes.NodeChangedStatus.Level,
                $"From '{from.Label()}' to '{to.Label()}'",
                now,
                username,
                from,
                to));
        }
    }
}
