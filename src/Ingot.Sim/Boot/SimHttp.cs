using System.Net;
using System.Net.Sockets;

namespace Ingot.Sim.Boot;

/// <summary>
/// HTTP clients for simulated machines: connections leave from the machine's leased loopback address.
/// With several regions, a connection a region refuses is made to another one instead, and a request
/// that broke on the wire (the region died under it) is sent again (<see cref="RegionFailover"/>).
/// </summary>
public static class SimHttp
{
    public static HttpClient BoundTo(IPAddress? local, SimRegions? regions = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (local is not null || regions is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                try
                {
                    return await ConnectAsync(local, context.DnsEndPoint, ct);
                }
                catch (SocketException) when (regions is not null)
                {
                    foreach (IPEndPoint other in regions.HttpInsteadOf(context.DnsEndPoint.Port))
                    {
                        try
                        {
                            return await ConnectAsync(local, other, ct);
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

    private static async ValueTask<Stream> ConnectAsync(IPAddress? local, EndPoint remote, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
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
