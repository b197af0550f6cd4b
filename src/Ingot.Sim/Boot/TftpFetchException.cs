namespace Ingot.Sim.Boot;

/// <summary>A TFTP read that failed: the server's error, or no answer.</summary>
public sealed class TftpFetchException(string message) : Exception(message);
