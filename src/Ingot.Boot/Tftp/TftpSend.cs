namespace Ingot.Boot.Tftp;

/// <summary>
/// One datagram a transfer wants sent: the OACK (<see cref="Block"/> 0), a DATA block by its index
/// from 1 (the wire number is the index modulo 65536: block numbers roll over on large files), or the
/// error that ends the transfer. The listener renders it with <see cref="TftpTransfer.Render"/>.
/// </summary>
public readonly record struct TftpSend(TftpSendKind Kind, long Block);
