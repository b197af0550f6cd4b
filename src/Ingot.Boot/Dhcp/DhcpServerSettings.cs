namespace Ingot.Boot.Dhcp;

/// <summary>How the DHCP service runs: authoritative or proxy, and which first-stage files it hands out.</summary>
public sealed record DhcpServerSettings(DhcpMode Mode, DhcpBootSettings Boot)
{
    /// <summary>
    /// A UDP port on 127.0.0.1 where DHCP answers relayed requests only (simulated machines behind a
    /// loopback relay; no root needed), replying to <c>giaddr</c> on the port the relay sent from. Null: off.
    /// </summary>
    public int? LoopbackRelayPort { get; init; }

    /// <summary>A UDP port on 127.0.0.1 where TFTP serves too (no root needed). Null: off.</summary>
    public int? LoopbackTftpPort { get; init; }

    /// <summary>
    /// Whether authoritative DHCP also answers IPv6 router solicitations on its interfaces with an
    /// advertisement that announces nothing (<see cref="Ipv6.RouterAdvertisement"/>), which ends
    /// iPXE's wait for IPv6 autoconfiguration. On by default.
    /// </summary>
    public bool RouterAdvertisements { get; init; } = true;

    public static DhcpServerSettings Default { get; } = new(DhcpMode.Authoritative, DhcpBootSettings.Default);
}
