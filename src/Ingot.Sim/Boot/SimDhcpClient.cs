using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using Ingot.Boot.Dhcp;

namespace Ingot.Sim.Boot;

/// <summary>
/// A NIC's DHCP client as its firmware or iPXE runs it. On loopback (no root needed) it is seen through a
/// relay agent: the relay forwards DISCOVER and REQUEST to Ingot with <c>giaddr</c> set to its address and
/// gets the answers back on its own socket (RFC 2131 §4.1). In a network namespace
/// (<see cref="SimNetwork.Namespace"/>, root) it is on the link itself: it broadcasts from port 68 with the
/// broadcast flag set, as PXE firmware does, and hears the server's broadcast answers there, picking its own
/// by <c>xid</c> and <c>chaddr</c>. A PXE ROM says <c>PXEClient</c> with its architecture (option 93); iPXE
/// sends user class <c>iPXE</c>. A NIC that must never get a lease (<c>noLease</c>) is behind
/// a relay on a network Ingot does not serve (<see cref="SimNetwork.UnservedRelay"/>), on either path.
/// </summary>
public static class SimDhcpClient
{
    /// <summary>
    /// The lease, or null when no server answered after every attempt. With several regions, a NAK or an
    /// unanswered REQUEST (the region that offered died) starts over with a DISCOVER, as RFC 2131 §3.1 says;
    /// a NAK (two regions offered one address to two machines and the other's claim won) starts over up to
    /// <see cref="NakRetries"/> more times, a moment later, as a PXE ROM restarts DHCP after a NAK.
    /// </summary>
    public static async Task<DhcpLease?> ObtainAsync(SimNetwork network, string mac, ushort architecture, bool ipxe, bool noLease, CancellationToken ct)
    {
        int rounds = network.Regions?.All.Count ?? 1;
        int naks = 0;
        for (int round = 1; ; round++)
        {
            (DhcpLease? lease, bool nak) = await ObtainOnceAsync(network, mac, architecture, ipxe, noLease, ct);
            if (lease is not null)
            {
                return lease;
            }

            if (nak && network.Regions is not null && naks++ < NakRetries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(100, 600)), ct);
                round--;
                continue;
            }

            if (round >= rounds)
            {
                return null;
            }
        }
    }

    /// <summary>How many NAKs a NIC behind several regions starts over after.</summary>
    public const int NakRetries = 4;

    private static async Task<(DhcpLease? Lease, bool Nak)> ObtainOnceAsync(SimNetwork network, string mac, ushort architecture, bool ipxe, bool noLease, CancellationToken ct)
    {
        using Socket socket = await OpenAsync(network, noLease);
        byte[] chaddr = new byte[16];
        Convert.FromHexString(mac.Replace(":", "", StringComparison.Ordinal)).CopyTo(chaddr, 0);
        uint xid = (uint)Random.Shared.Next();
        List<DhcpOption> common =
        [
            new(DhcpOptionCode.ClientArchitecture, [(byte)(architecture >> 8), (byte)architecture]),
            new(DhcpOptionCode.ClientNetworkInterface, [1, 3, 16]),
            ipxe
                ? new DhcpOption(DhcpOptionCode.UserClass, Encoding.ASCII.GetBytes("iPXE"))
                : new DhcpOption(DhcpOptionCode.VendorClass, Encoding.ASCII.GetBytes($"PXEClient:Arch:{architecture:D5}:UNDI:003016")),
            new(DhcpOptionCode.ParameterRequestList, [1, 3, 6, 12, 15, 28, 43, 60, 66, 67, 175]),
        ];
        IPAddress? relay = noLease ? network.UnservedRelay : network.Namespace is null ? network.Relay : null;
        var discover = new DhcpPacket
        {
            TransactionId = xid,
            Hops = relay is null ? (byte)0 : (byte)1,
            RelayAddress = relay ?? IPAddress.Any,
            Flags = relay is null ? DhcpPacket.BroadcastFlag : (ushort)0,
            ClientHardwareAddress = chaddr,
            Options = [new(DhcpOptionCode.MessageType, [(byte)DhcpMessageType.Discover]), .. common],
        };
        DhcpPacket? offer = await ExchangeAsync(socket, network, mac, discover, DhcpMessageType.Offer, ct);
        if (offer is not { MessageType: DhcpMessageType.Offer, ServerIdentifier: { } server })
        {
            return (null, false);
        }

        DhcpPacket request = discover with
        {
            Options =
            [
                new(DhcpOptionCode.MessageType, [(byte)DhcpMessageType.Request]),
                new(DhcpOptionCode.RequestedAddress, offer.YourAddress.GetAddressBytes()),
                new(DhcpOptionCode.ServerIdentifier, server.GetAddressBytes()),
                .. common,
            ],
        };
        DhcpPacket? ack = await ExchangeAsync(socket, network, mac, request, DhcpMessageType.Ack, ct);
        if (ack is not { MessageType: DhcpMessageType.Ack })
        {
            return (null, ack is not null);
        }

        string file = ack.Find(DhcpOptionCode.BootFileName) is { } f ? Encoding.ASCII.GetString(f).TrimEnd('\0') : ack.BootFile;
        return (new DhcpLease(ack.YourAddress, server, ack.ServerAddress, file) { Prefix = PrefixOf(ack) }, false);
    }

    /// <summary>
    /// The NIC's socket: on loopback, bound to its relay's address; in the namespace, on the link's port 68
    /// (shared: every NIC on the link hears each broadcast answer), allowed to broadcast. A NIC behind the
    /// unserved relay in a namespace still leaves through the link, with the relay's <c>giaddr</c>.
    /// </summary>
    private static async Task<Socket> OpenAsync(SimNetwork network, bool noLease)
    {
        if (network.Namespace is not { } ns)
        {
            var relayed = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            relayed.Bind(new IPEndPoint(noLease ? network.UnservedRelay : network.Relay, 0));
            return relayed;
        }

        Socket socket = await ns.SocketAsync(SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.EnableBroadcast = true;
            DhcpSocket.BindToDevice(socket, ns.Link);
            socket.Bind(new IPEndPoint(IPAddress.Any, DhcpReplyRoute.ClientPort));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The prefix length of option 1 (the subnet mask); 24 when the server gave none or an odd one.</summary>
    private static int PrefixOf(DhcpPacket ack)
    {
        if (ack.Find(DhcpOptionCode.SubnetMask) is not [_, _, _, _] mask)
        {
            return 24;
        }

        uint m = BinaryPrimitives.ReadUInt32BigEndian(mask);
        int bits = BitOperations.PopCount(m);
        return bits > 0 && m == uint.MaxValue << (32 - bits) ? bits : 24;
    }

    /// <summary>
    /// Sends <paramref name="packet"/> and waits for the <paramref name="wanted"/> answer, sending it
    /// again after each of <see cref="SimNetwork.DhcpTimeouts"/> (with the same <c>xid</c>, so a late
    /// answer to an earlier copy still counts, and <c>secs</c> counting up as RFC 2131 §4.4.1 asks).
    /// With several regions the schedule runs once per region and each timeout passes to the next.
    /// Returns the <paramref name="wanted"/> answer or a NAK, or null when nothing answered.
    /// </summary>
    private static async Task<DhcpPacket?> ExchangeAsync(Socket socket, SimNetwork network, string mac, DhcpPacket packet, DhcpMessageType wanted, CancellationToken ct)
    {
        byte[] buffer = new byte[DhcpCodec.MaximumLength];
        byte[] receive = new byte[2048];
        IReadOnlyList<TimeSpan> timeouts = network.DhcpTimeouts;
        int attempts = timeouts.Count * (network.Regions?.All.Count ?? 1);
        long started = Environment.TickCount64;
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            SimRegion? region = network.Regions?.For(mac);
            ushort seconds = (ushort)Math.Min((Environment.TickCount64 - started) / 1000, ushort.MaxValue);
            int length = DhcpCodec.Write(packet with { Seconds = seconds }, buffer);
            await socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, region?.Dhcp ?? network.Dhcp, ct);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(timeouts[attempt % timeouts.Count]);
            try
            {
                while (true)
                {
                    SocketReceiveFromResult got = await socket.ReceiveFromAsync(receive, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), wait.Token);
                    if (DhcpCodec.Parse(receive.AsSpan(0, got.ReceivedBytes)).Packet is not { } reply || reply.TransactionId != packet.TransactionId ||
                        !reply.ClientHardwareAddress.AsSpan(0, 6).SequenceEqual(packet.ClientHardwareAddress.AsSpan(0, 6)))
                    {
                        continue;
                    }

                    if (reply.MessageType is DhcpMessageType.Nak || reply.MessageType == wanted)
                    {
                        network.DhcpCounters.Exchanged(attempt + 1, TimeSpan.FromMilliseconds(Environment.TickCount64 - started), answered: true);
                        return reply;
                    }
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // No answer in time: ask again (the next region, when there are several).
                if (region is not null)
                {
                    network.Regions!.Unanswered(region);
                }
            }
        }

        network.DhcpCounters.Exchanged(attempts, TimeSpan.FromMilliseconds(Environment.TickCount64 - started), answered: false);
        return null;
    }

    /// <summary>Option 93's value for a firmware (RFC 4578: 0 BIOS x86, 7 EFI x86-64, 11 EFI arm64).</summary>
    public static ushort Architecture(bool uefi, string debianArch) => (uefi, debianArch) switch
    {
        (_, "arm64") => 11,
        (true, _) => 7,
        _ => 0,
    };
}
