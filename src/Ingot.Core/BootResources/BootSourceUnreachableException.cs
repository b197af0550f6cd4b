namespace Ingot.Core.BootResources;

/// <summary>A boot source (or one of its files) that could not be read; the message says where and why.</summary>
public sealed class BootSourceUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
