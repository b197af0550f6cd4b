namespace Ingot.Boot.Tftp;

/// <summary>The answer to a requested file name: its content, or the error packet's code and message.</summary>
public sealed record TftpLookup(ReadOnlyMemory<byte>? Content, TftpErrorCode Error, string Message)
{
    public static TftpLookup Found(ReadOnlyMemory<byte> content) => new(content, TftpErrorCode.NotDefined, "");

    public static TftpLookup Refused(TftpErrorCode error, string message) => new(null, error, message);
}
