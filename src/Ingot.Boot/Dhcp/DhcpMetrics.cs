using System.Diagnostics.Metrics;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// What operators watch on the DHCP listeners (meter <c>Ingot.Boot.Dhcp</c>): datagrams received,
/// malformed ones (tagged with the parse error), requests answered with nothing (tagged with the
/// interface) and replies sent (tagged with the message type).
/// </summary>
public static class DhcpMetrics
{
    public const string MeterName = "Ingot.Boot.Dhcp";

    private static readonly Meter s_meter = new(MeterName);

    public static Counter<long> Received { get; } = s_meter.CreateCounter<long>("ingot.dhcp.received", "{datagram}", "DHCP datagrams received");

    public static Counter<long> Malformed { get; } = s_meter.CreateCounter<long>("ingot.dhcp.malformed", "{datagram}", "Datagrams that are not DHCP packets");

    public static Counter<long> Dropped { get; } = s_meter.CreateCounter<long>("ingot.dhcp.dropped", "{packet}", "Requests not answered (not for us, no subnet, no address, failures)");

    public static Counter<long> Sent { get; } = s_meter.CreateCounter<long>("ingot.dhcp.sent", "{packet}", "Replies sent");
}
