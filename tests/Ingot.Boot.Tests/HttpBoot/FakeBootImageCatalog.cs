using Ingot.Core.Boot;

namespace Ingot.Boot.Tests.HttpBoot;

internal sealed class FakeBootImageCatalog : IBootImageCatalog
{
    public List<BootImage> Images { get; } = [];

    public Task<BootImage?> FindAsync(string osystem, string series, string architecture, CancellationToken ct) =>
        Task.FromResult(Images.FirstOrDefault(i => i.Osystem == osystem && i.Series == series && i.Architecture == architecture));

    public Task<IReadOnlyList<BootImage>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<BootImage>>(Images);
}
