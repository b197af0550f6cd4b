using System.Collections.Frozen;
using Ingot.Core.Machines.Permissions;
using S = Ingot.Core.Machines.MachineStatus;

namespace Ingot.Core.Machines.Actions;

/// <summary>
/// MAAS's UI/websocket node actions (<c>src/maasserver/node_action.py</c>) as data, in the order
/// of <c>maas-transitions.json</c> (source-file order: Delete, SetZone and SetPool first). The UI
/// action that allocates is <c>acquire</c>; the REST op that does the same is <c>allocate</c>.
/// There is no power-cycle action and no import-images action.
/// </summary>
public static class NodeActions
{
    public const string Delete = "delete";
    public const string SetZone = "set-zone";
    public const string SetPool = "set-pool";
    public const string Commission = "commission";
    public const string Test = "test";
    public const string Abort = "abort";
    public const string Acquire = "acquire";
    public const string Deploy = "deploy";
    public const string PowerOn = "on";
    public const string PowerOff = "off";
    public const string Release = "release";
    public const string MarkBroken = "mark-broken";
    public const string MarkFixed = "mark-fixed";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
    public const string OverrideFailedTesting = "override-failed-testing";
    public const string RescueMode = "rescue-mode";
    public const string ExitRescueMode = "exit-rescue-mode";
    public const string Tag = "tag";
    public const string Untag = "untag";
    public const string Clone = "clone";

    private static readonly IReadOnlyList<S> s_allStatuses = MachineStatuses.All;

    private static readonly IReadOnlyList<NodeType> s_allNodeTypes = Enum.GetValues<NodeType>();

    // The rescue-mode row lists FAILED_EXITING_RESCUE_MODE although the table has no
    // FAILED_EXITING_RESCUE_MODE -> ENTERING_RESCUE_MODE transition: MAAS offers the action and
    // then refuses it with "Invalid transition: ...". Reproduced on purpose.
    public static IReadOnlyList<NodeAction> All { get; } =
    [
        new(Delete, "Delete...", s_allStatuses, null, null, NodePermission.Admin, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Misc, s_allNodeTypes),
        new(SetZone, "Set zone...", s_allStatuses, null, null, NodePermission.Admin, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Misc, s_allNodeTypes),
        new(SetPool, "Set resource pool...", s_allStatuses, null, null, NodePermission.Admin, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Misc, [NodeType.Machine]),
        new(Commission, "Commission...", [S.New, S.FailedCommissioning, S.Ready, S.Broken], S.Commissioning, S.Ready, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: true, NodeActionType.Lifecycle, [NodeType.Machine]),
        new(Test, "Test...", [S.FailedCommissioning, S.New, S.Ready, S.Reserved, S.Allocated, S.FailedDeployment, S.Deployed, S.Missing, S.Retired, S.Broken, S.RescueMode, S.FailedReleasing, S.FailedDiskErasing, S.FailedEnteringRescueMode, S.FailedExitingRescueMode, S.FailedTesting], S.Testing, null, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: true, NodeActionType.Testing, [NodeType.Machine, NodeType.RackController], FinalIsPreviousStatus: true),
        new(Abort, "Abort...", [S.Commissioning, S.DiskErasing, S.Deploying, S.Testing], null, null, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Lifecycle, [NodeType.Machine], ToVaries: true),
        new(Acquire, "Acquire...", [S.Ready], S.Allocated, S.Allocated, NodePermission.Edit, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Lifecycle, [NodeType.Machine]),
        new(Deploy, "Deploy...", [S.Ready, S.Allocated], S.Deploying, S.Deployed, NodePermission.Edit, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: true, NodeActionType.Lifecycle, [NodeType.Machine]),
        new(PowerOn, "Power on...", [S.Deploying, S.Deployed, S.Broken], null, null, NodePermission.Edit, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Power, [NodeType.Machine, NodeType.RackController]),
        new(PowerOff, "Power off...", [S.New, S.FailedCommissioning, S.Missing, S.Ready, S.Reserved, S.Deployed, S.Retired, S.Broken, S.Allocated, S.FailedDeployment, S.FailedReleasing, S.FailedDiskErasing, S.RescueMode, S.FailedEnteringRescueMode, S.FailedExitingRescueMode, S.FailedTesting], null, null, NodePermission.Edit, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Power, [NodeType.Machine, NodeType.RackController]),
        new(Release, "Release...", [S.Allocated, S.Deployed, S.Deploying, S.FailedDeployment, S.FailedReleasing, S.FailedDiskErasing], S.Releasing, S.Ready, NodePermission.Edit, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Lifecycle, [NodeType.Machine]),
        new(MarkBroken, "Mark broken", [S.New, S.Commissioning, S.Ready, S.Allocated, S.Releasing, S.Deploying, S.Deployed, S.DiskErasing, S.Testing, S.FailedCommissioning, S.FailedDeployment, S.FailedReleasing, S.FailedDiskErasing, S.FailedEnteringRescueMode, S.FailedExitingRescueMode, S.FailedTesting], S.Broken, S.Broken, NodePermission.Edit, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Testing, [NodeType.Machine]),
        new(MarkFixed, "Mark fixed", [S.Broken], S.Ready, S.Ready, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Testing, [NodeType.Machine]),
        new(Lock, "Lock", [S.Deployed, S.Deploying], null, null, NodePermission.Lock, NodePermission.Lock,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Lock, [NodeType.Machine]),
        new(Unlock, "Unlock", s_allStatuses, null, null, NodePermission.Lock, NodePermission.Lock,
            AllowedWhenLocked: true, RequiresNetworking: false, NodeActionType.Lock, [NodeType.Machine]),
        new(OverrideFailedTesting, "Override failed testing...", [S.FailedTesting], S.Ready, S.Ready, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Testing, [NodeType.Machine, NodeType.RackController]),
        new(RescueMode, "Rescue mode...", [S.New, S.FailedCommissioning, S.Ready, S.Reserved, S.Allocated, S.FailedDeployment, S.Deployed, S.Missing, S.Retired, S.Broken, S.FailedDiskErasing, S.FailedEnteringRescueMode, S.FailedExitingRescueMode, S.FailedTesting], S.EnteringRescueMode, S.RescueMode, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: true, NodeActionType.Testing, [NodeType.Machine]),
        new(ExitRescueMode, "Exit rescue mode...", [S.RescueMode, S.EnteringRescueMode, S.FailedEnteringRescueMode, S.FailedExitingRescueMode], S.ExitingRescueMode, null, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Testing, [NodeType.Machine], FinalIsPreviousStatus: true),
        new(Tag, "Tag", s_allStatuses, null, null, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Misc, [NodeType.Machine]),
        new(Untag, "Untag", s_allStatuses, null, null, NodePermission.Admin, NodePermission.Admin,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Misc, [NodeType.Machine]),
        new(Clone, "Clone", s_allStatuses, null, null, NodePermission.Admin, NodePermission.Edit,
            AllowedWhenLocked: false, RequiresNetworking: false, NodeActionType.Misc, [NodeType.Machine]),
    ];

    public static FrozenDictionary<string, NodeAction> ByName { get; } = All.ToFrozenDictionary(a => a.Name);

    /// <summary>The message for a UI action that is not actionable (<c>NodeActionError</c>).</summary>
    public static string NotAvailableMessage(string name) => $"{name} action is not available for this node.";
}
