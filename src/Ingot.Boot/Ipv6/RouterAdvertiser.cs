using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Ipv6;

/// <summary>
/// Answers IPv6 router solicitations on one boot interface with <see cref="RouterAdvertisement"/>'s
/// empty advertisement, sent to all nodes (ff02::1) from the interface's link-local address with hop
/// limit 255. A raw ICMPv6 socket tied to the interface, member of all-routers (ff02::2). At most one
/// advertisement per <see cref="MinimumInterval"/>: a solicitation inside it is dropped (the client
/// solicits again); the answer goes to every node, so this bounds what a flood of solicitations costs.
/// </summary>
public sealed class RouterAdvertiser(string interfaceName, Socket socket, int interfaceIndex, TimeProvider time, ILogger logger) : IDisposable
{
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;
    private static readonly IPAddress s_allNodes = IPAddress.Parse("ff02::1");
    private static readonly IPAddress s_allRouters = IPAddress.Parse("ff02::2");

    public static TimeSpan MinimumInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Opens the socket for <paramref name="interfaceName"/>; null (with the reason) when it has no IPv6 link-local address.</summary>
    public static RouterAdvertiser? Open(string interfaceName, TimeProvider time, ILogger logger, out string reason)
    {
        NetworkInterface? nic = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == interfaceName);
        if (nic is null || !nic.Supports(NetworkInterfaceComponent.IPv6) ||
            !nic.GetIPProperties().UnicastAddresses.Any(a => a.Address.IsIPv6LinkLocal))
        {
            reason = "no IPv6 link-local address";
            return null;
        }

        int index = nic.GetIPProperties().GetIPv6Properties().Index;
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Raw, ProtocolType.IcmpV6);
        try
        {
            if (OperatingSystem.IsLinux())
            {
                socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"));
            }

            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, RouterAdvertisement.HopLimit);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.IpTimeToLive, RouterAdvertisement.HopLimit);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, index);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, false);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(s_allRouters, index));
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
            reason = "";
            return new RouterAdvertiser(interfaceName, socket, index, time, logger);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            reason = e.Message;
            return null;
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var buffer = new byte[1500];
        var advertisement = new byte[RouterAdvertisement.Length];
        RouterAdvertisement.Write(advertisement);
        var allNodes = new IPEndPoint(new IPAddress(s_allNodes.GetAddressBytes(), interfaceIndex), 0);
        EndPoint any = new IPEndPoint(IPAddress.IPv6Any, 0);
        long last = long.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                SocketReceiveFromResult received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stoppingToken);
                if (!RouterAdvertisement.IsSolicitation(buffer.AsSpan(0, received.ReceivedBytes)) ||
                    (last != long.MinValue && time.GetElapsedTime(last) < MinimumInterval))
                {
                    continue;
                }

                last = time.GetTimestamp();
                await socket.SendToAsync(advertisement, SocketFlags.None, allNodes, stoppingToken);
                RouterAdvertisementLog.Answered(logger, interfaceName, received.RemoteEndPoint);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                RouterAdvertisementLog.SocketError(logger, interfaceName, e);
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
