using System.Net;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Dhcp;

/// <summary>The DHCP server's log messages.</summary>
internal static partial class DhcpLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "DHCP on {Interface}: malformed datagram from {Sender} ({Error})")]
    public static partial void Malformed(ILogger logger, string @interface, IPEndPoint sender, DhcpParseError error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DHCP on {Interface}: {Type} from {Sender} dropped: {Reason}")]
    public static partial void Dropped(ILogger logger, string @interface, DhcpMessageType type, IPEndPoint sender, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "DHCP on {Interface}: {Reason} (sent to {Destination})")]
    public static partial void Answered(ILogger logger, string @interface, string reason, IPEndPoint destination);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DHCP on {Interface}: {Reason}")]
    public static partial void Noted(ILogger logger, string @interface, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DHCP on {Interface}: handling a packet from {Sender} failed")]
    public static partial void Failed(ILogger logger, string @interface, IPEndPoint sender, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DHCP on {Interface}: socket error, listening on")]
    public static partial void SocketError(ILogger logger, string @interface, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "DHCP ({Mode}) listening on {Interface} {Address} port {Port}")]
    public static partial void Listening(ILogger logger, DhcpMode mode, string @interface, IPAddress address, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "DHCP cannot listen on {Interface}: {Reason}")]
    public static partial void CannotListen(ILogger logger, string @interface, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Boot services are off: no boot interface (ingot serve --boot-interface IFACE)")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "DHCP loaded {Count} leases")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "DHCP shares its leases with the other regions on this database (synced every {Interval})")]
    public static partial void Sharing(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DHCP could not read the other regions' leases; trying again")]
    public static partial void SyncFailed(ILogger logger, Exception exception);
}
