namespace Ingot.Boot.Tftp;

/// <summary>
/// What the server agrees to when a client asks for options: the largest block size (RFC 2348 allows
/// 8–65464) and window size (RFC 7440 allows 1–65535) it grants, and its defaults.
/// </summary>
public sealed record TftpLimits(int MaxBlockSize, int MaxWindowSize, TftpSettings Defaults)
{
    public const int MinBlockSize = 8;
    public const int BlockSizeCeiling = 65464;

    public static TftpLimits Default { get; } = new(BlockSizeCeiling, 64, TftpSettings.Default);
}
