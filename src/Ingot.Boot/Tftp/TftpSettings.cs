namespace Ingot.Boot.Tftp;

/// <summary>
/// How one transfer runs: block size (RFC 2348), retransmission timeout (RFC 2349), window size
/// (RFC 7440) and how many times a window is resent before the transfer is abandoned.
/// </summary>
public sealed record TftpSettings(int BlockSize, TimeSpan Timeout, int WindowSize, int MaxRetries)
{
    public const int DefaultBlockSize = 512;

    /// <summary>Defaults before negotiation: 512-byte blocks, 1 s timeout, lock-step, 5 retries.</summary>
    public static TftpSettings Default { get; } = new(DefaultBlockSize, TimeSpan.FromSeconds(1), 1, 5);
}
