namespace Ingot.Core.Networks;

/// <summary>MAAS's <c>IPRANGE_TYPE</c>: a dynamic range is a DHCP pool; a reserved one is kept out of every allocation.</summary>
public enum IpRangeType
{
    Dynamic,
    Reserved,
}
