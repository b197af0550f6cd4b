using System.Security.Cryptography;
using Ingot.Boot.HttpBoot;
using Ingot.Boot.Tftp;
using Ingot.Core.Boot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingot.Boot.Tests.HttpBoot;

/// <summary>
/// HTTP boot on a real Kestrel on 127.0.0.1 and a free port, with a fake machine backend and a fake
/// image catalog over temp files: ubuntu/noble amd64/generic (kernel, initrd, squashfs).
/// </summary>
public sealed class HttpBootHost : IAsyncLifetime
{
    private WebApplication _app = null!;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("ingot-httpboot-").FullName;

    internal FakeBootBackend Machines { get; } = new();

    internal FakeBootImageCatalog Images { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public byte[] Kernel { get; } = RandomNumberGenerator.GetBytes(300_000);

    public int Port => Client.BaseAddress!.Port;

    public async ValueTask InitializeAsync()
    {
        string kernel = Path.Combine(Directory, "vmlinuz");
        string initrd = Path.Combine(Directory, "initrd");
        await File.WriteAllBytesAsync(kernel, Kernel);
        await File.WriteAllBytesAsync(initrd, [1, 2, 3]);
        foreach (string series in new[] { "noble", "jammy" })
        {
            Images.Images.Add(new BootImage("ubuntu", series, "amd64/generic", new Dictionary<string, BootImageFile>
            {
                ["boot-kernel"] = new("boot-kernel", kernel, Kernel.Length, Convert.ToHexStringLower(SHA256.HashData(Kernel))),
                ["boot-initrd"] = new("boot-initrd", initrd, 3, ""),
                ["squashfs"] = new("squashfs", Path.Combine(Directory, "absent.squashfs"), 0, ""),
            }));
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IBootBackend>(Machines);
        builder.Services.AddSingleton<IBootImageCatalog>(Images);
        builder.Services.AddSingleton(new FirstStageFiles(new Dictionary<string, string>
        {
            ["ipxe.efi"] = kernel,
            ["arm64/ipxe.efi"] = initrd,
            ["snponly.efi"] = Path.Combine(Directory, "absent.efi"),
        }));
        builder.Services.AddHttpBoot();
        _app = builder.Build();
        _app.MapHttpBoot();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
