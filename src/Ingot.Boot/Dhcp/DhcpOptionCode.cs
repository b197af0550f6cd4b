namespace Ingot.Boot.Dhcp;

/// <summary>The DHCP option numbers Ingot reads or writes (RFC 2132 unless noted).</summary>
public static class DhcpOptionCode
{
    public const byte Pad = 0;
    public const byte SubnetMask = 1;
    public const byte Router = 3;
    public const byte DomainNameServer = 6;
    public const byte HostName = 12;
    public const byte DomainName = 15;
    public const byte BroadcastAddress = 28;
    public const byte VendorSpecific = 43;
    public const byte RequestedAddress = 50;
    public const byte LeaseTime = 51;
    public const byte Overload = 52;
    public const byte MessageType = 53;
    public const byte ServerIdentifier = 54;
    public const byte ParameterRequestList = 55;
    public const byte Message = 56;
    public const byte MaxMessageSize = 57;
    public const byte RenewalTime = 58;
    public const byte RebindingTime = 59;
    public const byte VendorClass = 60;
    public const byte ClientIdentifier = 61;
    public const byte TftpServerName = 66;
    public const byte BootFileName = 67;

    /// <summary>RFC 3004, user class (iPXE sends "iPXE").</summary>
    public const byte UserClass = 77;

    /// <summary>RFC 3046, relay agent information; echoed unchanged in replies.</summary>
    public const byte RelayAgentInformation = 82;

    /// <summary>RFC 4578, client system architecture.</summary>
    public const byte ClientArchitecture = 93;

    /// <summary>RFC 4578, client network interface identifier (UNDI version).</summary>
    public const byte ClientNetworkInterface = 94;

    /// <summary>RFC 4578, client machine identifier (UUID/GUID).</summary>
    public const byte ClientMachineId = 97;

    /// <summary>iPXE's encapsulated options (its presence means the client is iPXE).</summary>
    public const byte Ipxe = 175;

    /// <summary>Inside option 175: <c>no-pxedhcp</c>, 1 = do not wait for ProxyDHCP offers.</summary>
    public const byte IpxeNoPxeDhcp = 176;

    public const byte End = 255;
}
