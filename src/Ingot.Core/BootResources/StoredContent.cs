namespace Ingot.Core.BootResources;

/// <summary>Content as stored: its SHA-256 (lower-case hex) and size in bytes.</summary>
public readonly record struct StoredContent(string Sha256, long Size);
