namespace Ingot.Boot.Dhcp;

/// <summary>Why a datagram is not a DHCP packet Ingot can read.</summary>
public enum DhcpParseError
{
    None,

    /// <summary>Shorter than the 236-byte BOOTP header plus the 4-byte magic cookie.</summary>
    TooShort,

    /// <summary>The magic cookie 99.130.83.99 (RFC 2131 §3) is missing.</summary>
    NoMagicCookie,

    /// <summary><c>op</c> is neither BOOTREQUEST (1) nor BOOTREPLY (2).</summary>
    UnknownOperation,

    /// <summary><c>hlen</c> is larger than the 16-byte <c>chaddr</c> field.</summary>
    BadHardwareAddressLength,

    /// <summary>An option's length runs past the end of the datagram.</summary>
    TruncatedOption,
}
