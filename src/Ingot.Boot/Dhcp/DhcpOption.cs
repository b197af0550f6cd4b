namespace Ingot.Boot.Dhcp;

/// <summary>One option of a DHCP packet: its number and its value (instances of one code already joined, RFC 3396).</summary>
public sealed record DhcpOption(byte Code, byte[] Value);
