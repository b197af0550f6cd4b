namespace Ingot.Boot.Tftp;

/// <summary>What a <see cref="TftpSend"/> carries.</summary>
public enum TftpSendKind
{
    OptionAck,
    Data,
    Error,
}
