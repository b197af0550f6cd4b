namespace Ingot.Core.Hardware;

/// <summary>
/// An interface's extra settings (MAAS's <c>Interface.params</c>): the bond parameters for bonds, the
/// bridge parameters for bridges, and the MTU and IPv6 router advertisement setting for any type. Null
/// means not set (the renderers then use MAAS's defaults: the VLAN's MTU, balance-rr bonds, STP off
/// with a 15 s forward delay).
/// </summary>
public sealed class InterfaceParams
{
    public string? BondMode { get; set; }

    public int? BondMiimon { get; set; }

    public int? BondDowndelay { get; set; }

    public int? BondUpdelay { get; set; }

    public string? BondLacpRate { get; set; }

    public string? BondXmitHashPolicy { get; set; }

    public int? BondNumGratArp { get; set; }

    public string? BridgeType { get; set; }

    public bool? BridgeStp { get; set; }

    public int? BridgeFd { get; set; }

    public int? Mtu { get; set; }

    public bool? AcceptRa { get; set; }

    /// <summary>Whether nothing is set (MAAS shows <c>params</c> as <c>""</c> then).</summary>
    public bool IsEmpty => BondMode is null && BondMiimon is null && BondDowndelay is null && BondUpdelay is null
        && BondLacpRate is null && BondXmitHashPolicy is null && BondNumGratArp is null && BridgeType is null
        && BridgeStp is null && BridgeFd is null && Mtu is null && AcceptRa is null;

    public InterfaceParams Copy() => (InterfaceParams)MemberwiseClone();
}
