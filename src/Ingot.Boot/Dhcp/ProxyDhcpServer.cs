namespace Ingot.Boot.Dhcp;

/// <summary>Proxy DHCP: <see cref="ProxyDhcpResponder"/> behind a listener; it keeps no state.</summary>
public sealed class ProxyDhcpServer(ProxyDhcpResponder responder) : IDhcpHandler
{
    public ValueTask<DhcpAnswer> AnswerAsync(DhcpPacket request, DhcpInterface link, int localPort, CancellationToken ct) =>
        ValueTask.FromResult(responder.Respond(request, link, localPort));
}
