namespace Ingot.Boot.Tftp;

/// <summary>
/// The responder's answer to a datagram on the server port: a new transfer, an error packet to send
/// back (<see cref="Reply"/>, with the <see cref="Filename"/> asked for), or nothing (malformed: drop it).
/// </summary>
public sealed record TftpResponse(TftpTransfer? Transfer, byte[]? Reply, string? Filename)
{
    public static TftpResponse Malformed { get; } = new(null, null, null);

    public bool IsMalformed => Transfer is null && Reply is null;
}
