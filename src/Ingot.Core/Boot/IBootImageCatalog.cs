namespace Ingot.Core.Boot;

/// <summary>
/// Port: the boot images Ingot has (boot resources), as the HTTP boot server needs them. Implemented by
/// the boot-resource store; the boot server never reads the database itself.
/// </summary>
public interface IBootImageCatalog
{
    /// <summary>The image for <paramref name="osystem"/>/<paramref name="series"/> on <paramref name="architecture"/>
    /// (<c>amd64/generic</c>; a bare <c>amd64</c> means its <c>generic</c> subarchitecture), or null.</summary>
    Task<BootImage?> FindAsync(string osystem, string series, string architecture, CancellationToken ct);

    Task<IReadOnlyList<BootImage>> ListAsync(CancellationToken ct);
}
