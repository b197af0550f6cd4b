using System.Net;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Ipv6;

/// <summary>The router advertiser's log messages.</summary>
internal static partial class RouterAdvertisementLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "IPv6 router advertisements (no prefix, not a default router) on {Interface}, so that iPXE does not wait for IPv6 autoconfiguration")]
    public static partial void Listening(ILogger logger, string @interface);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IPv6 router advertisements off on {Interface}: {Reason}")]
    public static partial void CannotListen(ILogger logger, string @interface, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "IPv6 router solicitation on {Interface} from {Sender}: advertised")]
    public static partial void Answered(ILogger logger, string @interface, EndPoint sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IPv6 router advertisements on {Interface}: socket error, listening on")]
    public static partial void SocketError(ILogger logger, string @interface, Exception exception);
}
