using Ingot.Core.Boot;

namespace Ingot.Core.BootResources;

/// <summary>
/// <see cref="IBootImageCatalog"/> over the boot resources: each resource's newest complete set, its files
/// by file type with their paths in the content store. A synced image wins over an uploaded one of the
/// same name and architecture. A subarchitecture with no resource of its own is looked up in the
/// <c>subarches</c> that synced resources support (MAAS's <c>ga-24.04</c> image serves <c>generic</c>).
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

        string[] parts = arch.Split('/', 2);
        return (await store.ListAsync(BootResourceType.Synced, ct))
            .Where(r => r.Name == name && r.Architecture.StartsWith(parts[0] + "/", StringComparison.Ordinal) &&
                        r.Extra.GetValueOrDefault("subarches", "").Split(',').Contains(parts[1]))
            .Select(ToImage)
            .FirstOrDefault(i => i is not null);
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
