namespace Ingot.Core.BootResources;

/// <summary>Content whose SHA-256 or size is not what it should be; it was discarded.</summary>
public sealed class ContentMismatchException(string message) : Exception(message);
