namespace Ingot.Boot.Dhcp;

/// <summary>What a <see cref="DhcpListener"/> hands each parsed packet to.</summary>
public interface IDhcpHandler
{
    /// <summary>The answer to <paramref name="request"/>, which arrived on <paramref name="link"/> at
    /// <paramref name="localPort"/> (67, or 4011 for proxy DHCP).</summary>
    ValueTask<DhcpAnswer> AnswerAsync(DhcpPacket request, DhcpInterface link, int localPort, CancellationToken ct);
}
