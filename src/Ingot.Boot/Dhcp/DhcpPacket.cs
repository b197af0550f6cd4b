using System.Buffers.Binary;
using System.Net;
using System.Text;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// A DHCP message (RFC 2131 §2, figure 1): the fixed BOOTP header and the options that follow the
/// magic cookie. Immutable; <see cref="DhcpCodec"/> reads and writes it. Typed accessors below read
/// the options Ingot cares about and return null when an option is absent or malformed.
/// </summary>
public sealed record DhcpPacket
{
    public const byte BootRequest = 1;
    public const byte BootReply = 2;

    /// <summary><c>flags</c> bit 15: the client wants the reply broadcast.</summary>
    public const ushort BroadcastFlag = 0x8000;

    public byte Operation { get; init; } = BootRequest;

    public byte HardwareType { get; init; } = 1;

    public byte HardwareLength { get; init; } = 6;

    public byte Hops { get; init; }

    public uint TransactionId { get; init; }

    public ushort Seconds { get; init; }

    public ushort Flags { get; init; }

    /// <summary><c>ciaddr</c>: the client's address when it already has one (renewing, INFORM, RELEASE).</summary>
    public IPAddress ClientAddress { get; init; } = IPAddress.Any;

    /// <summary><c>yiaddr</c>: the address offered or acknowledged.</summary>
    public IPAddress YourAddress { get; init; } = IPAddress.Any;

    /// <summary><c>siaddr</c>: next server (the TFTP server for a boot file).</summary>
    public IPAddress ServerAddress { get; init; } = IPAddress.Any;

    /// <summary><c>giaddr</c>: the relay agent's address; any for a request on the local link.</summary>
    public IPAddress RelayAddress { get; init; } = IPAddress.Any;

    /// <summary><c>chaddr</c>, 16 bytes.</summary>
    public byte[] ClientHardwareAddress { get; init; } = new byte[16];

    /// <summary><c>sname</c>, up to 63 characters.</summary>
    public string ServerName { get; init; } = "";

    /// <summary><c>file</c>, up to 127 characters.</summary>
    public string BootFile { get; init; } = "";

    public IReadOnlyList<DhcpOption> Options { get; init; } = [];

    public bool Broadcast => (Flags & BroadcastFlag) != 0;

    public bool IsRelayed => !RelayAddress.Equals(IPAddress.Any);

    /// <summary>The client's MAC, when <c>htype</c> is Ethernet (1) and <c>hlen</c> is 6.</summary>
    public MacAddress? Mac => HardwareType == 1 && HardwareLength == 6 && ClientHardwareAddress.Length >= 6
        ? MacAddress.FromBytes(ClientHardwareAddress)
        : null;

    public byte[]? Find(byte code)
    {
        IReadOnlyList<DhcpOption> options = Options;
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i].Code == code)
            {
                return options[i].Value;
            }
        }

        return null;
    }

    /// <summary>Option 53.</summary>
    public DhcpMessageType MessageType => Find(DhcpOptionCode.MessageType) is [byte type] ? (DhcpMessageType)type : DhcpMessageType.None;

    /// <summary>Option 50.</summary>
    public IPAddress? RequestedAddress => Address(DhcpOptionCode.RequestedAddress);

    /// <summary>Option 54.</summary>
    public IPAddress? ServerIdentifier => Address(DhcpOptionCode.ServerIdentifier);

    /// <summary>Option 93: the first architecture type the client lists (RFC 4578 §2.1).</summary>
    public ushort? ClientArchitecture => Find(DhcpOptionCode.ClientArchitecture) is { Length: >= 2 } v
        ? BinaryPrimitives.ReadUInt16BigEndian(v)
        : null;

    /// <summary>Option 60 as text (<c>PXEClient:Arch:00000:UNDI:002001</c>, <c>HTTPClient…</c>, <c>udhcp 1.35.0</c>).</summary>
    public string? VendorClass => Text(DhcpOptionCode.VendorClass);

    /// <summary>Option 12.</summary>
    public string? HostName => Text(DhcpOptionCode.HostName);

    /// <summary>Option 61, as sent.</summary>
    public byte[]? ClientIdentifier => Find(DhcpOptionCode.ClientIdentifier);

    /// <summary>Option 55.</summary>
    public byte[] ParameterRequestList => Find(DhcpOptionCode.ParameterRequestList) ?? [];

    /// <summary>Option 82, kept byte for byte so that the reply can echo it (RFC 3046 §2.2).</summary>
    public byte[]? RelayAgentInformation => Find(DhcpOptionCode.RelayAgentInformation);

    /// <summary>
    /// iPXE is talking: it sends option 175 and user class "iPXE" (option 77, RFC 3004 framing or,
    /// as iPXE does, the bare string).
    /// </summary>
    public bool IsIpxe => Find(DhcpOptionCode.Ipxe) is not null || UserClassContains("iPXE");

    public bool IsPxeClient => Find(DhcpOptionCode.VendorClass) is { } v && v.AsSpan().StartsWith("PXEClient"u8);

    public bool IsHttpClient => Find(DhcpOptionCode.VendorClass) is { } v && v.AsSpan().StartsWith("HTTPClient"u8);

    private IPAddress? Address(byte code) => Find(code) is { Length: 4 } v ? new IPAddress(v) : null;

    private string? Text(byte code) => Find(code) is { } v ? Encoding.ASCII.GetString(v).TrimEnd('\0') : null;

    private bool UserClassContains(string name)
    {
        byte[]? value = Find(DhcpOptionCode.UserClass);
        if (value is null)
        {
            return false;
        }

        ReadOnlySpan<byte> wanted = Encoding.ASCII.GetBytes(name);
        if (value.AsSpan().SequenceEqual(wanted))
        {
            return true;
        }

        // RFC 3004: a list of (length, data) instances.
        for (int i = 0; i < value.Length; i += 1 + value[i])
        {
            int length = value[i];
            if (i + 1 + length > value.Length)
            {
                return false;
            }

            if (value.AsSpan(i + 1, length).SequenceEqual(wanted))
            {
                return true;
            }
        }

        return false;
    }
}
