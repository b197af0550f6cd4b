using System.Net.Sockets;
using System.Text.Json;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Core.Boot;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.BootResources;

/// <summary>Imports from simplestreams mirrors the tests write (a fresh host each, as imports change what every test would see).</summary>
public sealed class BootResourceImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_from_a_local_mirror_records_the_selected_images_with_checked_files()
    {
        await using var host = new ImportHost();
        await host.InitializeAsync();
        using var mirror = new TestMirror();
        Dictionary<string, byte[]> noble = mirror.AddProduct("noble", "ga-24.04");
        mirror.AddProduct("focal", "ga-20.04");
        mirror.Write();
        using HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        await ImportHost.UseOnlySourceAsync(admin, [("url", mirror.IndexUrl), ("keyring_filename", "/unused/for/unsigned/streams")], "noble");

        JsonElement progress = await ImportHost.ImportAsync(admin);

        Assert.Empty(ImportHost.Errors(progress));
        Assert.Equal(noble.Values.Sum(v => (long)v.Length), progress.GetProperty("bytes_total").GetInt64());
        Assert.Equal(progress.GetProperty("bytes_total").GetInt64(), progress.GetProperty("bytes_done").GetInt64());
        using var list = await admin.GetAsync("MAAS/api/2.0/boot-resources/", Ct);
        JsonElement resource = (await list.JsonAsync()).EnumerateArray().Single();
        Assert.Equal(("ubuntu/noble", "amd64/ga-24.04", "Synced", "generic,ga-24.04"),
            (Text(resource, "name"), Text(resource, "architecture"), Text(resource, "type"), Text(resource, "subarches")));
        using var read = await admin.GetAsync(Text(resource, "resource_uri").TrimStart('/'), Ct);
        JsonElement set = (await read.JsonAsync()).GetProperty("sets").GetProperty("20261101");
        Assert.Equal(("stable", true), (Text(set, "label"), set.GetProperty("complete").GetBoolean()));
        Assert.Equal(["boot-initrd", "boot-kernel", "squashfs"], set.GetProperty("files").EnumerateObject().Select(f => f.Name).Order());

        BootImage image = (await host.Services.GetRequiredService<IBootImageCatalog>().FindAsync("ubuntu", "noble", "amd64", Ct))!;
        Assert.Equal(noble["boot-kernel"], await File.ReadAllBytesAsync(image.Kernel!.Path, Ct));
        Assert.Equal(noble["boot-initrd"], await File.ReadAllBytesAsync(image.Initrd!.Path, Ct));

        JsonElement again = await ImportHost.ImportAsync(admin);
        Assert.Empty(ImportHost.Errors(again));
        Assert.Equal(0, again.GetProperty("bytes_total").GetInt64());
    }

    [Fact]
    public async Task A_file_that_fails_its_checksum_is_reported_and_its_image_is_not_recorded()
    {
        await using var host = new ImportHost();
        await host.InitializeAsync();
        using var mirror = new TestMirror();
        mirror.AddProduct("noble", "ga-24.04");
        mirror.AddProduct("jammy", "ga-22.04");
        mirror.Write();
        mirror.Corrupt("jammy/amd64/20261101/ga-22.04/squashfs");
        using HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        await ImportHost.UseOnlySourceAsync(admin, [("url", mirror.IndexUrl), ("skip_keyring_verification", "true")], "noble", "jammy");

        JsonElement progress = await ImportHost.ImportAsync(admin);

        IReadOnlyList<string> errors = ImportHost.Errors(progress);
        Assert.Contains(errors, e => e.StartsWith("Checksum failure for jammy/amd64/20261101/ga-22.04/squashfs", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ubuntu/jammy amd64/ga-22.04 20261101 was not imported", StringComparison.Ordinal));
        using var list = await admin.GetAsync("MAAS/api/2.0/boot-resources/", Ct);
        Assert.Equal(["ubuntu/noble"], (await list.JsonAsync()).EnumerateArray().Select(r => Text(r, "name")));
        Assert.Null(await host.Services.GetRequiredService<IBootImageCatalog>().FindAsync("ubuntu", "jammy", "amd64/ga-22.04", Ct));
    }

    [Fact]
    public async Task An_unreachable_or_silent_mirror_fails_the_import_in_bounded_time_with_a_clear_message()
    {
        await using var host = new ImportHost();
        await host.InitializeAsync();
        using var silent = new TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        int silentPort = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        int closedPort;
        using (var closed = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            closed.Start();
            closedPort = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        }

        using HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        string silentUrl = $"http://127.0.0.1:{silentPort}/ephemeral-v3/stable/streams/v1/index.json";
        await ImportHost.UseOnlySourceAsync(admin, [("url", silentUrl), ("keyring_filename", "/k")], "noble");
        JsonElement silentProgress = await ImportHost.ImportAsync(admin);
        await ImportHost.UseOnlySourceAsync(admin, [("url", $"http://127.0.0.1:{closedPort}/stable/"), ("keyring_filename", "/k")], "noble");
        JsonElement closedProgress = await ImportHost.ImportAsync(admin);

        Assert.Equal(
            $"Failed to import images from boot source {silentUrl}: {silentUrl} cannot be reached: no answer within 4 seconds (is there a route to it, or a proxy needed?).",
            Assert.Single(ImportHost.Errors(silentProgress)));
        string refused = Assert.Single(ImportHost.Errors(closedProgress));
        Assert.StartsWith($"Failed to import images from boot source http://127.0.0.1:{closedPort}/stable/: http://127.0.0.1:{closedPort}/stable/streams/v1/index.sjson cannot be reached: Connection refused", refused, StringComparison.Ordinal);
        using var list = await admin.GetAsync("MAAS/api/2.0/boot-resources/", Ct);
        Assert.Empty((await list.JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Stop_import_cancels_a_running_import()
    {
        await using var host = new ImportHost();
        await host.InitializeAsync();
        using var silent = new TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        using HttpClient admin = host.Client((await host.CreateUserAsync(isAdmin: true)).ApiKey);
        await ImportHost.UseOnlySourceAsync(admin, [("url", $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/streams/v1/index.json"), ("keyring_filename", "/k")], "noble");

        using var started = await admin.PostAsync("MAAS/api/2.0/boot-resources/?op=import", null, Ct);
        using var importing = await admin.GetAsync("MAAS/api/2.0/boot-resources/?op=is_importing", Ct);
        using var stopped = await admin.PostAsync("MAAS/api/2.0/boot-resources/?op=stop_import", null, Ct);
        await ImportHost.WaitAsync(admin);
        using var progress = await admin.GetAsync("MAAS/api/2.0/boot-resources/?op=import_progress", Ct);

        Assert.Equal("true", await importing.TextAsync());
        Assert.Equal("Import of boot resources is being stopped", await stopped.TextAsync());
        Assert.Equal(["Import of boot resources was stopped."], ImportHost.Errors(await progress.JsonAsync()));
    }

    private static string Text(JsonElement json, string name) => json.GetProperty(name).GetString()!;
}
