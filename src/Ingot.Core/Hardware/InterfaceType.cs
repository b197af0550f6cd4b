namespace Ingot.Core.Hardware;

/// <summary>MAAS's <c>INTERFACE_TYPE</c>.</summary>
public enum InterfaceType
{
    Physical,
    Bond,
    Bridge,
    Vlan,
    Alias,
    Unknown,
}
