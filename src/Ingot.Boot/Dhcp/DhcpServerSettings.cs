namespace Ingot.Boot.Dhcp;

/// <summary>How the DHCP service runs: authoritative or proxy, and which first-stage files it hands out.</summary>
public sealed record DhcpServerSettings(DhcpMode Mode, DhcpBootSettings Boot)
{
    public static DhcpServerSettings Default { get; } = new(DhcpMode.Authoritative, DhcpBootSettings.Default);
}
