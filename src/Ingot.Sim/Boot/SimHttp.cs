using System.Net;
using System.Net.Sockets;

namespace Ingot.Sim.Boot;

/// <summary>
/// HTTP clients for simulated machines: connections leave from the machine's leased address (on loopback,
/// or on the link inside the machines' network namespace, where their sockets are made).
/// With several regions, a connection a region refuses is made to another one instead, and a request
/// that broke on the wire (the region died under it) is sent again (<see cref="RegionFailover"/>).
/// </summary>
public static class SimHttp
{
    public static HttpClient BoundTo(IPAddress? local, SimNetwork network)
    {
        SimRegions? regions = network.Regions;
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (local is not null || regions is not null || network.Namespace is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                try
                {
                    return await ConnectAsync(network, local, context.DnsEndPoint, ct);
                }
                catch (SocketException) when (regions is not null)
                {
                    foreach (IPEndPoint other in regions.HttpInsteadOf(context.DnsEndPoint.Port))
                    {
                        try
                        {
                            return await ConnectAsync(network, local, other, ct);
                        }
                        catch (SocketException)
                        {
                            // That one is down too: the next.
                        }
                    }

                    throw;
                }
            };
        }

        HttpMessageHandler outer = regions is null ? handler : new RegionFailover(handler);
        return new HttpClient(outer) { Timeout = TimeSpan.FromSeconds(60) };
    }

    private static async ValueTask<Stream> ConnectAsync(SimNetwork network, IPAddress? local, EndPoint remote, CancellationToken ct)
    {
        Socket socket = await network.SocketAsync(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            if (local is not null)
            {
                socket.Bind(new IPEndPoint(local, 0));
            }

            await socket.ConnectAsync(remote, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
