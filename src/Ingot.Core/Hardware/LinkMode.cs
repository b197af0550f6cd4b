namespace Ingot.Core.Hardware;

/// <summary>MAAS's <c>INTERFACE_LINK_TYPE</c> for an interface's link to a subnet.</summary>
public enum LinkMode
{
    Auto,
    Dhcp,
    Static,
    LinkUp,
}
