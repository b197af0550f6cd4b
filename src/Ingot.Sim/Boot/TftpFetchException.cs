namespace Ingot.Sim.Boot;

/// <summary>A TFTP read that failed: the server's error (with its code), or no answer (no code).</summary>
public sealed class TftpFetchException(string message, int? errorCode = null) : Exception(message)
{
    /// <summary>The server's TFTP error code (1 is File not found), or null when the server did not answer.</summary>
    public int? ErrorCode { get; } = errorCode;

    /// <summary>The server does not have the file (TFTP error 1): trying again cannot help.</summary>
    public bool FileNotFound => ErrorCode == 1;
}
