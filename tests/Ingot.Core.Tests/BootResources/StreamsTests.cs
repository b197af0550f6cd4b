using System.Text;
using Ingot.Core.BootResources;
using Ingot.Core.BootResources.Streams;

namespace Ingot.Core.Tests.BootResources;

public sealed class StreamsTests
{
    private const string Sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public void Product_fields_are_inherited_downwards_and_only_the_newest_version_is_read()
    {
        string json = """
            {"format": "products:1.0", "os": "ubuntu", "label": "stable",
             "products": {"p1": {"arch": "amd64", "release": "noble", "subarch": "ga-24.04",
                "versions": {
                  "20240101": {"items": {"boot-kernel": {"ftype": "boot-kernel", "path": "old", "sha256": "SHA", "size": 1}}},
                  "20240301": {"label": "candidate", "items": {
                     "boot-kernel": {"ftype": "boot-kernel", "path": "new", "sha256": "SHAUPPER", "size": 10},
                     "no-checksum": {"ftype": "squashfs", "path": "x", "size": 3}}}}}}}
            """.Replace("SHAUPPER", Sha.ToUpperInvariant(), StringComparison.Ordinal).Replace("SHA", Sha, StringComparison.Ordinal);

        StreamItem item = Assert.Single(StreamProducts.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(("ubuntu", "noble", "amd64", "ga-24.04", "candidate"), (item.Os, item.Release, item.Arch, item.Subarch, item.Label));
        Assert.Equal(("20240301", "boot-kernel", "new", Sha, 10L), (item.Version, item.FileType, item.Path, item.Sha256, item.Size));
    }

    [Fact]
    public void The_index_lists_only_image_download_product_files_and_garbage_is_a_format_error()
    {
        string json = """
            {"format": "index:1.0", "index": {
              "a": {"datatype": "image-downloads", "path": "streams/v1/a.json"},
              "b": {"datatype": "image-ids", "path": "streams/v1/b.json"}}}
            """;

        Assert.Equal([new StreamIndex.Entry("a", "streams/v1/a.json")], StreamIndex.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Throws<StreamFormatException>(() => StreamIndex.Parse("{\"index\": 3}"u8));
        Assert.Throws<StreamFormatException>(() => StreamProducts.Parse("not json"u8));
    }

    [Fact]
    public void Clear_signed_text_is_extracted_with_dash_escapes_undone()
    {
        string signed = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n{\"a\": 1}\n- -----not a header\n-----BEGIN PGP SIGNATURE-----\nxyz\n-----END PGP SIGNATURE-----\n";

        Assert.Equal("{\"a\": 1}\n-----not a header", Encoding.UTF8.GetString(ClearSigned.Extract(Encoding.UTF8.GetBytes(signed))));
        Assert.Equal("{}"u8.ToArray(), ClearSigned.Extract("{}"u8.ToArray()));
    }

    [Theory]
    [InlineData("http://images.maas.io/ephemeral-v3/stable/", "http://images.maas.io/ephemeral-v3/stable/", "streams/v1/index.sjson")]
    [InlineData("http://mirror/stable", "http://mirror/stable/", "streams/v1/index.sjson")]
    [InlineData("file:///srv/m/streams/v1/index.json", "file:///srv/m/", "streams/v1/index.json")]
    [InlineData("/srv/m/streams/v1/index.sjson", "/srv/m/", "streams/v1/index.sjson")]
    public void A_boot_source_url_is_read_as_MAAS_reads_it(string url, string root, string index) =>
        Assert.Equal((root, index), BootResourceImport.Locate(url));
}
