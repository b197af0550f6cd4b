using System.Net;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Tftp;

internal static partial class TftpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "TFTP listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, EndPoint? endPoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TFTP dropped a malformed datagram of {Length} bytes from {Client}")]
    public static partial void Dropped(ILogger logger, int length, EndPoint client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TFTP refused '{Filename}' to {Client}: {Reason}")]
    public static partial void Refused(ILogger logger, string? filename, EndPoint client, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "TFTP sending '{Filename}' to {Client} (blksize {BlockSize}, windowsize {WindowSize})")]
    public static partial void Sending(ILogger logger, string? filename, EndPoint client, int blockSize, int windowSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "TFTP sent '{Filename}' to {Client} ({Retransmissions} retransmissions)")]
    public static partial void Sent(ILogger logger, string? filename, EndPoint client, int retransmissions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TFTP transfer of '{Filename}' to {Client} failed (timed out or aborted by the client)")]
    public static partial void TransferFailed(ILogger logger, string? filename, EndPoint client);

    [LoggerMessage(Level = LogLevel.Error, Message = "TFTP transfer of '{Filename}' to {Client} failed")]
    public static partial void TransferError(ILogger logger, Exception exception, string? filename, EndPoint client);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TFTP socket error on the server port, receiving on")]
    public static partial void SocketError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "TFTP server stopped by an unexpected error; transfers on this address are off until restart")]
    public static partial void LoopError(ILogger logger, Exception exception);
}
