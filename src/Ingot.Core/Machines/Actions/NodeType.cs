namespace Ingot.Core.Machines.Actions;

/// <summary>MAAS's <c>NODE_TYPE</c>: the kinds of node an action may apply to.</summary>
public enum NodeType
{
    Machine,
    Device,
    RackController,
    RegionController,
    RegionAndRackController,
}
