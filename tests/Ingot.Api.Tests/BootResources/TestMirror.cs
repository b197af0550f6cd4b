using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Ingot.Api.Tests.BootResources;

/// <summary>
/// A simplestreams mirror in a temporary folder laid out as MAAS's image server is:
/// <c>streams/v1/index.json</c> naming one product file, products → versions → items, and the files under
/// their paths. Fields common to all products (os, label) sit at the top of the product file, as
/// simplestreams condenses them. <see cref="Corrupt"/> damages a file after its checksum is written.
/// </summary>
public sealed class TestMirror : IDisposable
{
    public const string ContentId = "com.ubuntu.maas:stable:v3:download";

    private readonly JsonObject _products = [];

    public TestMirror() => Root = Directory.CreateTempSubdirectory("ingot-mirror-").FullName;

    public string Root { get; }

    public string IndexUrl => "file://" + Path.Combine(Root, "streams/v1/index.json");

    public long TotalBytes { get; private set; }

    /// <summary>Adds a product for ubuntu/<paramref name="release"/> on amd64/<paramref name="subarch"/> with a kernel, an initrd and a squashfs; returns their contents by file type.</summary>
    public Dictionary<string, byte[]> AddProduct(string release, string subarch, string version = "20261101")
    {
        var files = new Dictionary<string, byte[]>();
        var items = new JsonObject();
        foreach (string ftype in (string[])["boot-kernel", "boot-initrd", "squashfs"])
        {
            byte[] content = RandomNumberGenerator.GetBytes(ftype == "squashfs" ? 300_000 : 50_000);
            string path = $"{release}/amd64/{version}/{subarch}/{ftype}";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, path))!);
            File.WriteAllBytes(Path.Combine(Root, path), content);
            items[ftype] = new JsonObject
            {
                ["ftype"] = ftype,
                ["path"] = path,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
                ["size"] = content.Length,
            };
            files[ftype] = content;
            TotalBytes += content.Length;
        }

        _products[$"com.ubuntu.maas.stable:v3:boot:{release}:amd64:{subarch}"] = new JsonObject
        {
            ["arch"] = "amd64",
            ["release"] = release,
            ["subarch"] = subarch,
            ["subarches"] = $"generic,{subarch}",
            ["kflavor"] = "generic",
            ["versions"] = new JsonObject { [version] = new JsonObject { ["items"] = items } },
        };
        return files;
    }

    /// <summary>Writes the index and product file (<c>.json</c>, or <c>.sjson</c> names when <paramref name="productPath"/> says so).</summary>
    public void Write(string productPath = "streams/v1/com.ubuntu.maas:stable:v3:download.json", string indexName = "index.json")
    {
        var products = new JsonObject
        {
            ["content_id"] = ContentId,
            ["datatype"] = "image-downloads",
            ["format"] = "products:1.0",
            ["os"] = "ubuntu",
            ["label"] = "stable",
            ["products"] = _products.DeepClone(),
        };
        var index = new JsonObject
        {
            ["format"] = "index:1.0",
            ["index"] = new JsonObject
            {
                [ContentId] = new JsonObject { ["datatype"] = "image-downloads", ["format"] = "products:1.0", ["path"] = productPath },
                ["com.ubuntu.maas:stable:1:bootloader-download"] = new JsonObject { ["datatype"] = "image-ids", ["path"] = "streams/v1/none.json" },
            },
        };
        Directory.CreateDirectory(Path.Combine(Root, "streams/v1"));
        File.WriteAllText(Path.Combine(Root, productPath.Replace(".sjson", ".json", StringComparison.Ordinal)), products.ToJsonString());
        File.WriteAllText(Path.Combine(Root, "streams/v1", indexName.Replace(".sjson", ".json", StringComparison.Ordinal)), index.ToJsonString());
    }

    /// <summary>Flips a byte of the file at <paramref name="path"/> (relative to the root): its checksum no longer matches.</summary>
    public void Corrupt(string path)
    {
        byte[] content = File.ReadAllBytes(Path.Combine(Root, path));
        content[^1] ^= 0xff;
        File.WriteAllBytes(Path.Combine(Root, path), content);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
