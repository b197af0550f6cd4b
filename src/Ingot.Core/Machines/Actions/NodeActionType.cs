namespace Ingot.Core.Machines.Actions;

/// <summary>MAAS's <c>NODE_ACTION_TYPE</c>: how the UI groups actions.</summary>
public enum NodeActionType
{
    Lifecycle,
    Power,
    Testing,
    Lock,
    Misc,
}
