namespace Ingot.Core.BootResources;

/// <summary>
/// Port: checks a clear-signed stream file (<c>.sjson</c>) against the boot source's keyring (its
/// <c>keyring_data</c>, else its <c>keyring_filename</c>) and returns the signed text; a bad signature,
/// or a keyring that is missing, throws <see cref="StreamSignatureException"/>.
/// </summary>
public interface IStreamSignature
{
    Task<byte[]> VerifyAsync(byte[] message, BootSource source, CancellationToken ct);
}
