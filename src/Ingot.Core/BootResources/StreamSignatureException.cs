namespace Ingot.Core.BootResources;

/// <summary>A signed stream whose signature could not be verified; the message says why.</summary>
public sealed class StreamSignatureException(string message) : Exception(message);
