using Ingot.Core.Boot;
using Ingot.Core.Curtin;

namespace Ingot.Core.Tests.Curtin;

/// <summary>
/// Each image file type MAAS deploys (its <c>get_xinstall_parameters</c> table) becomes curtin's source type,
/// served from the image's own path.
/// </summary>
public sealed class CurtinSourceTests
{
    [Theory]
    [InlineData("root-tgz", "tgz", false)]
    [InlineData("root-tbz", "tbz", false)]
    [InlineData("root-txz", "txz", false)]
    [InlineData("root-dd.raw", "dd-raw", true)]
    [InlineData("root-dd.gz", "dd-gz", true)]
    [InlineData("root-dd.xz", "dd-xz", true)]
    [InlineData("root-dd.bz2", "dd-bz2", true)]
    [InlineData("root-dd", "dd-tgz", true)]
    [InlineData("root-dd.tar.bz2", "dd-tbz", true)]
    [InlineData("root-dd.tar.xz", "dd-txz", true)]
    [InlineData("root-dd.tar", "dd-tar", true)]
    public void An_image_file_type_becomes_curtins_source_type_at_the_images_path(string fileType, string sourceType, bool diskImage)
    {
        CurtinSource? source = CurtinSource.For(Image("custom", "mine", fileType), "http://10.0.0.1:5248");

        Assert.NotNull(source);
        Assert.Equal(sourceType, source.Type);
        Assert.Equal($"http://10.0.0.1:5248/images/custom/amd64/generic/mine/stable/{fileType}", source.Uri);
        Assert.Equal(diskImage, source.IsDiskImage);
        Assert.Equal(!diskImage, source.IsRootTarball);
    }

    [Fact]
    public void An_image_with_only_boot_files_has_no_source()
    {
        Assert.Null(CurtinSource.For(Image("custom", "bootonly", "boot-kernel"), "http://10.0.0.1:5248"));
    }

    private static BootImage Image(string osystem, string series, string fileType) =>
        new(osystem, series, "amd64/generic", new Dictionary<string, BootImageFile>
        {
            [fileType] = new(fileType, $"/var/lib/ingot/{fileType}", 1024, new string('0', 64)),
        });
}
