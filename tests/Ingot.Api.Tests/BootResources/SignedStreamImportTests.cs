using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;

namespace Ingot.Api.Tests.BootResources;

/// <summary>Signed streams (<c>streams/v1/index.sjson</c>) are checked with gpgv against the boot source's keyring.</summary>
public sealed class SignedStreamImportTests
{
    private const string SignedProducts = "streams/v1/com.ubuntu.maas:stable:v3:download.sjson";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_stream_is_imported_with_the_right_keyring_and_refused_with_another()
    {
        if (!GpgTestKey.Available)
        {
            Assert.Skip("gpg or gpgv is not installed (scripts/install-test-packages.sh installs both).");
        }

        await using GpgTestKey signer = await GpgTestKey.CreateAsync("mirror");
        await using GpgTestKey stranger = await GpgTestKey.CreateAsync("stranger");
        using var mirror = new TestMirror();
        mirror.AddProduct("noble", "ga-24.04");
        mirror.Write(SignedProducts, "index.sjson");
        await signer.ClearSignAsync(Path.Combine(mirror.Root, "streams/v1/index.json"), Path.Combine(mirror.Root, "streams/v1/index.sjson"));
        await signer.ClearSignAsync(Path.Combine(mirror.Root, SignedProducts.Replace(".sjson", ".json", StringComparison.Ordinal)), Path.Combine(mirror.Root, SignedProducts));
        string url = "file://" + mirror.Root + "/";

        await using var host = new ImportHost();
        await host.InitializeAsync();
        using HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        await ImportHost.UseOnlySourceAsync(admin, [("url", url), ("keyring_data", Convert.ToBase64String(await stranger.KeyringAsync()))], "noble");
        JsonElement refused = await ImportHost.ImportAsync(admin);
        using var none = await admin.GetAsync("MAAS/api/2.0/boot-resources/", Ct);
        Assert.Empty((await none.JsonAsync()).EnumerateArray());

        string keyring = Path.Combine(mirror.Root, "mirror-keyring.gpg");
        await File.WriteAllBytesAsync(keyring, await signer.KeyringAsync(), Ct);
        await ImportHost.UseOnlySourceAsync(admin, [("url", url), ("keyring_filename", keyring)], "noble");
        JsonElement verified = await ImportHost.ImportAsync(admin);

        string error = Assert.Single(ImportHost.Errors(refused));
        Assert.StartsWith($"Failed to import images from boot source {url}: the signature could not be verified with keyring ", error, StringComparison.Ordinal);
        Assert.Empty(ImportHost.Errors(verified));
        using var list = await admin.GetAsync("MAAS/api/2.0/boot-resources/", Ct);
        Assert.Equal(["ubuntu/noble"], (await list.JsonAsync()).EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }
}
