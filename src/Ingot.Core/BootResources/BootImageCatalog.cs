using Ingot.Core.Boot;

namespace Ingot.Core.BootResources;

/// <summary>
/// <see cref="IBootImageCatalog"/> over the boot resources: each resource's newest complete set, its files
/// by file type with their paths in the content store. A synced image wins over an uploaded one of the
/// same name and architecture.
/// </summary>
public sealed class BootImageCatalog(IBootResourceStore store, IBootResourceContent content) : IBootImageCatalog
{
    public async Task<BootImage?> FindAsync(string osystem, string series, string architecture, CancellationToken ct)
    {
        string? arch = BootResourceForm.NormaliseArchitecture(architecture);
        if (arch is null)
        {
            return null;
        }

        string name = $"{osystem}/{series}";
        foreach (BootResourceType type in (BootResourceType[])[BootResourceType.Synced, BootResourceType.Uploaded])
        {
            if (await store.FindAsync(type, name, arch, ct) is { } resource && ToImage(resource) is { } image)
            {
                return image;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<BootImage>> ListAsync(CancellationToken ct) =>
        [.. (await store.ListAsync(null, ct)).Select(ToImage).OfType<BootImage>()];

    private BootImage? ToImage(BootResource resource)
    {
        if (resource.LatestCompleteSet is not { } set)
        {
            return null;
        }

        var files = new Dictionary<string, BootImageFile>(StringComparer.Ordinal);
        foreach (BootResourceFile file in set.Files)
        {
            files[file.FileType] = new BootImageFile(file.FileType, content.PathOf(file.Sha256), file.Size, file.Sha256);
        }

        return new BootImage(resource.Osystem, resource.Series, resource.Architecture, files);
    }
}
