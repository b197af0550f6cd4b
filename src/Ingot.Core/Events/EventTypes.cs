using System.Collections.Frozen;

namespace Ingot.Core.Events;

/// <summary>The MAAS event types Ingot records, by their MAAS names.</summary>
public static class EventTypes
{
    public static EventType NodeChangedStatus { get; } = new("NODE_CHANGED_STATUS", "Node changed status", EventLevel.Info);
    public static EventType NodeStatusEvent { get; } = new("NODE_STATUS_EVENT", "Node status event", EventLevel.Debug);
    public static EventType GatheringInfo { get; } = new("GATHERING_INFO", "Gathering information", EventLevel.Info);

    // The node events the metadata signal op creates for the status it leads to.
    public static EventType New { get; } = new("NEW", "New", EventLevel.Info);
    public static EventType Ready { get; } = new("READY", "Ready", EventLevel.Info);
    public static EventType FailedCommissioning { get; } = new("FAILED_COMMISSIONING", "Failed commissioning", EventLevel.Info);
    public static EventType FailedTesting { get; } = new("FAILED_TESTING", "Failed testing", EventLevel.Info);
    public static EventType RescueMode { get; } = new("RESCUE_MODE", "Rescue mode", EventLevel.Info);

    public static EventType RequestNodeStartCommissioning { get; } = new("REQUEST_NODE_START_COMMISSIONING", "User starting node commissioning", EventLevel.Audit);
    public static EventType RequestNodeAbortCommissioning { get; } = new("REQUEST_NODE_ABORT_COMMISSIONING", "User aborting node commissioning", EventLevel.Audit);
    public static EventType RequestNodeStartTesting { get; } = new("REQUEST_NODE_START_TESTING", "User starting node testing", EventLevel.Audit);
    public static EventType RequestNodeAbortTesting { get; } = new("REQUEST_NODE_ABORT_TESTING", "User aborting node testing", EventLevel.Audit);
    public static EventType RequestNodeOverrideFailedTesting { get; } = new("REQUEST_NODE_OVERRIDE_FAILED_TESTING", "User overrode 'Failed testing' status", EventLevel.Audit);
    public static EventType RequestNodeAbortDeployment { get; } = new("REQUEST_NODE_ABORT_DEPLOYMENT", "User aborting deployment", EventLevel.Audit);
    public static EventType RequestNodeAcquire { get; } = new("REQUEST_NODE_ACQUIRE", "User acquiring node", EventLevel.Audit);
    public static EventType RequestNodeEraseDisk { get; } = new("REQUEST_NODE_ERASE_DISK", "User erasing disk", EventLevel.Audit);
    public static EventType RequestNodeAbortEraseDisk { get; } = new("REQUEST_NODE_ABORT_ERASE_DISK", "User aborting disk erase", EventLevel.Audit);
    public static EventType RequestNodeRelease { get; } = new("REQUEST_NODE_RELEASE", "User releasing node", EventLevel.Audit);
    public static EventType RequestNodeMarkFailed { get; } = new("REQUEST_NODE_MARK_FAILED", "User marking node failed", EventLevel.Audit);
    public static EventType RequestNodeMarkFailedSystem { get; } = new("REQUEST_NODE_MARK_FAILED_SYSTEM", "Marking node failed", EventLevel.Debug);
    public static EventType RequestNodeMarkBroken { get; } = new("REQUEST_NODE_MARK_BROKEN", "User marking node broken", EventLevel.Audit);
    public static EventType RequestNodeMarkBrokenSystem { get; } = new("REQUEST_NODE_MARK_BROKEN_SYSTEM", "Marking node broken", EventLevel.Debug);
    public static EventType RequestNodeMarkFixed { get; } = new("REQUEST_NODE_MARK_FIXED", "User marking node fixed", EventLevel.Audit);
    public static EventType RequestNodeLock { get; } = new("REQUEST_NODE_LOCK", "User locking node", EventLevel.Audit);
    public static EventType RequestNodeUnlock { get; } = new("REQUEST_NODE_UNLOCK", "User unlocking node", EventLevel.Audit);
    public static EventType RequestNodeStartDeployment { get; } = new("REQUEST_NODE_START_DEPLOYMENT", "User starting deployment", EventLevel.Audit);
    public static EventType RequestNodeStart { get; } = new("REQUEST_NODE_START", "User powering up node", EventLevel.Audit);
    public static EventType RequestNodeStop { get; } = new("REQUEST_NODE_STOP", "User powering down node", EventLevel.Audit);
    public static EventType RequestNodeStartRescueMode { get; } = new("REQUEST_NODE_START_RESCUE_MODE", "User starting rescue mode", EventLevel.Audit);
    public static EventType RequestNodeStopRescueMode { get; } = new("REQUEST_NODE_STOP_RESCUE_MODE", "User stopping rescue mode", EventLevel.Audit);
    public static EventType Released { get; } = new("RELEASED", "Released", EventLevel.Info);
    public static EventType ImageDeployed { get; } = new("IMAGE_DEPLOYED", "Deployed", EventLevel.Info);
    public static EventType NodePowerOnStarting { get; } = new("NODE_POWER_ON_STARTING", "Powering on", EventLevel.Info);
    public static EventType NodePowerOffStarting { get; } = new("NODE_POWER_OFF_STARTING", "Powering off", EventLevel.Info);
    public static EventType NodePowerCycleStarting { get; } = new("NODE_POWER_CYCLE_STARTING", "Power cycling", EventLevel.Info);
    public static EventType NodePoweredOn { get; } = new("NODE_POWERED_ON", "Node powered on", EventLevel.Debug);
    public static EventType NodePoweredOff { get; } = new("NODE_POWERED_OFF", "Node powered off", EventLevel.Debug);
    public static EventType NodePowerOnFailed { get; } = new("NODE_POWER_ON_FAILED", "Failed to power on node", EventLevel.Error);
    public static EventType NodePowerOffFailed { get; } = new("NODE_POWER_OFF_FAILED", "Failed to power off node", EventLevel.Error);
    public static EventType NodePowerCycleFailed { get; } = new("NODE_POWER_CYCLE_FAILED", "Failed to power cycle node", EventLevel.Error);
    public static EventType NodePowerQueryFailed { get; } = new("NODE_POWER_QUERY_FAILED", "Failed to query node's BMC", EventLevel.Warning);
    public static EventType ScriptResultError { get; } = new("SCRIPT_RESULT_ERROR", "Script result lookup or storage error", EventLevel.Error);
    public static EventType Audit { get; } = new("AUDIT", "Audit", EventLevel.Audit);

    public static FrozenDictionary<string, EventType> ByName { get; } = typeof(EventTypes)
        .GetProperties()
        .Where(p => p.PropertyType == typeof(EventType))
        .Select(p => (EventType)p.GetValue(null)!)
        .ToFrozenDictionary(t => t.Name);
}
