namespace Ingot.Boot.Tests.Dhcp;

/// <summary>
/// Requests as real clients put them on the wire, written out byte by byte from the RFC 2131 header
/// layout and the options each client is known to send.
/// </summary>
internal static class GoldenPackets
{
    /// <summary>busybox 1.35 <c>udhcpc</c> DHCPDISCOVER from 52:54:00:12:34:56, xid 0x3903f326.</summary>
    public static byte[] UdhcpcDiscover => Build(
        xid: [0x39, 0x03, 0xf3, 0x26],
        flags: [0x00, 0x00],
        options:
        [
            53, 1, 1,                                   // DHCPDISCOVER
            61, 7, 1, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56, // client id: type 1 + MAC
            57, 2, 0x02, 0x40,                          // max message size 576
            55, 7, 1, 3, 6, 12, 15, 28, 42,             // parameter request list
            60, 12, .. "udhcp 1.35.0"u8,                // vendor class
            255,
        ]);

    /// <summary>The iPXE ROM (BIOS, UNDI 2.1) DHCPDISCOVER, broadcast flag set.</summary>
    public static byte[] IpxeBiosDiscover => Build(
        xid: [0xa1, 0xb2, 0xc3, 0xd4],
        flags: [0x80, 0x00],
        options:
        [
            53, 1, 1,
            57, 2, 0x05, 0xc0,                          // max message size 1472
            93, 2, 0x00, 0x00,                          // client arch 0: x86 BIOS
            94, 3, 1, 2, 1,                             // UNDI 2.1
            60, 32, .. "PXEClient:Arch:00000:UNDI:002001"u8,
            77, 4, .. "iPXE"u8,                         // user class, as iPXE sends it
            55, 13, 1, 3, 6, 7, 12, 15, 17, 26, 43, 60, 66, 67, 175,
            175, 7, 0xb1, 0x05, 0x01, 0x10, 0xec, 0x10, 0x00, // iPXE encapsulated: bus id
            97, 17, 0, 0xdc, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 0x01, // client UUID
            255,
        ]);

    /// <summary>A UEFI x86-64 PXE ROM (not iPXE) DHCPDISCOVER.</summary>
    public static byte[] UefiPxeDiscover => Build(
        xid: [0x00, 0x00, 0x00, 0x07],
        flags: [0x80, 0x00],
        options:
        [
            53, 1, 1,
            93, 2, 0x00, 0x07,
            60, 32, .. "PXEClient:Arch:00007:UNDI:003016"u8,
            255,
        ]);

    /// <summary>The BOOTP header (RFC 2131 §2) with <paramref name="options"/> after the magic cookie.</summary>
    public static byte[] Build(byte[] xid, byte[] flags, byte[] options, byte[]? ciaddr = null, byte[]? giaddr = null)
    {
        byte[] packet = new byte[240 + options.Length];
        packet[0] = 1;    // BOOTREQUEST
        packet[1] = 1;    // Ethernet
        packet[2] = 6;    // hlen
        xid.CopyTo(packet, 4);
        flags.CopyTo(packet, 10);
        (ciaddr ?? [0, 0, 0, 0]).CopyTo(packet, 12);
        (giaddr ?? [0, 0, 0, 0]).CopyTo(packet, 24);
        byte[] mac = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56];
        mac.CopyTo(packet, 28);
        byte[] cookie = [99, 130, 83, 99];
        cookie.CopyTo(packet, 236);
        options.CopyTo(packet, 240);
        return packet;
    }
}
