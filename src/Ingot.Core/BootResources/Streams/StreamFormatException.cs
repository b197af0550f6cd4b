namespace Ingot.Core.BootResources.Streams;

/// <summary>A stream file that is not what simplestreams says it should be.</summary>
public sealed class StreamFormatException(string message) : Exception(message);
