using Ingot.Core.Boot;

namespace Ingot.Boot.HttpBoot;

/// <summary>
/// Where boot image files are served: MAAS's layout on port 5248,
/// <c>/images/{osystem}/{arch}/{subarch}/{series}/{label}/{filetype}</c> (the <c>root=squash:</c> URL
/// of <c>compose_purpose_opts</c>). Ingot keeps one image per os/arch/subarch/series, so any label
/// names it; scripts write <see cref="Label"/>.
/// </summary>
public static class BootImagePaths
{
    public const string Label = "stable";
    public const string Route = "/images/{osystem}/{arch}/{subarch}/{series}/{label}/{filetype}";

    public static string Url(BootServer server, BootSelection selection, string fileType) =>
        $"{server.BaseUrl}/images/{selection.Osystem}/{selection.Arch}/{selection.Subarch}/{selection.Series}/{Label}/{fileType}";

    /// <summary>The URL of <paramref name="image"/>'s file of <paramref name="fileType"/> (the path curtin's source and a deployment to memory fetch).</summary>
    public static string Url(BootServer server, BootImage image, string fileType)
    {
        ArgumentNullException.ThrowIfNull(image);
        string[] arch = image.Architecture.Split('/');
        string subarch = arch.Length > 1 ? arch[1] : "generic";
        return $"{server.BaseUrl}/images/{image.Osystem}/{arch[0]}/{subarch}/{image.Series}/{Label}/{fileType}";
    }
}
