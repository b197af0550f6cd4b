namespace Ingot.Core.BootResources;

/// <summary>
/// Port: reads files of a simplestreams mirror by absolute location (an <c>http(s)://</c> or
/// <c>file://</c> URL, or a local path), with bounded connect and read times. A mirror that cannot be
/// reached, or a file it does not have, throws <see cref="BootSourceUnreachableException"/>.
/// </summary>
public interface IBootSourceMirror
{
    Task<Stream> OpenAsync(string location, CancellationToken ct);
}
