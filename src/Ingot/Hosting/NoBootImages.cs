using Ingot.Core.Boot;

namespace Ingot.Hosting;

/// <summary>The boot-image catalog until a boot-resource store registers one: no images.</summary>
internal sealed class NoBootImages : IBootImageCatalog
{
    public Task<BootImage?> FindAsync(string osystem, string series, string architecture, CancellationToken ct) =>
        Task.FromResult<BootImage?>(null);

    public Task<IReadOnlyList<BootImage>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<BootImage>>([]);
}
