namespace Ingot.Api.Wire;

/// <summary>A multipart part with a <c>filename</c> (the <c>maas</c> CLI's <c>name@=path</c> arguments), already decoded.</summary>
public sealed record ApiFile(string Name, string FileName, string ContentType, ReadOnlyMemory<byte> Content);
