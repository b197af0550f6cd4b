namespace Ingot.Core.Power;

/// <summary>MAAS's <c>SETTING_SCOPE</c>: where a power parameter lives, on the (shareable) BMC or on the node.</summary>
public enum PowerParameterScope
{
    Bmc,
    Node,
}
