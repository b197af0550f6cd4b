using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Ingot.Commands;
using Ingot.Core.Boot;
using Ingot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Tests.BootResources;

/// <summary>
/// <c>scripts/build-ephemeral-image.sh</c> builds the ephemeral image from Debian packages (into the
/// repository's ignored <c>.build/ephemeral</c>, so later runs reuse it) and <c>ingot add-ephemeral-image</c>
/// registers it as a boot resource that the boot server finds through <see cref="IBootImageCatalog"/>.
/// </summary>
public sealed class EphemeralImageTests : IDisposable
{
    private static readonly string[] s_modules =
        ["virtio_ring", "virtio", "virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio_pci", "failover", "net_failover", "virtio_net", "e1000", "e1000e", "virtio_blk", "fat", "vfat", "nls_cp437", "nls_ascii", "nls_utf8", "crc16", "crc32c_generic", "mbcache", "jbd2", "ext4", "dm-mod",
            "md-mod", "raid0", "raid1", "raid10", "xor", "async_tx", "async_memcpy", "async_xor", "raid6_pq", "async_pq", "async_raid6_recov", "libcrc32c", "raid456", "crc64", "bcache", "efivarfs"];

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("ingot-ephemeral-data-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_script_builds_a_kernel_and_an_initramfs_with_init_and_the_NIC_modules_and_ingot_registers_them()
    {
        string output = await BuildAsync();
        IReadOnlyDictionary<string, byte[]> initramfs = NewcArchive.ReadGzip(Path.Combine(output, "initrd.img"));
        string init = Encoding.UTF8.GetString(initramfs["init"]);
        Assert.StartsWith("#!/bin/busybox sh", init, StringComparison.Ordinal);
        Assert.Contains("INGOT-EPHEMERAL: $*", init, StringComparison.Ordinal);
        Assert.Contains("cloud-config-url", init, StringComparison.Ordinal);
        Assert.Contains("/ingot/ephemeral.sh", init, StringComparison.Ordinal);
        Assert.True(initramfs.ContainsKey("bin/busybox"));
        Assert.True(initramfs.ContainsKey("etc/udhcpc.script"));
        Assert.All(["usr/sbin/dropbear", "usr/bin/dropbearkey", "lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libtomcrypt.so.1"], f => Assert.True(initramfs[f].AsSpan().StartsWith("\u007fELF"u8), $"{f} (dropbear for rescue mode) is not in the image"));
        Assert.StartsWith("root:*:0:0:", Encoding.ASCII.GetString(initramfs["etc/passwd"]), StringComparison.Ordinal);
        Assert.All(["ephemeral.sh", "maas-api.sh", "enlist.sh", "run-scripts.sh", "flatten-json.awk", "script-list.awk", "script-plan.awk", "install.sh", "disk-image.sh", "root-tgz.sh", "storage.sh", "boot-loader.sh", "deployed.sh", "rescue.sh"], f => Assert.True(initramfs.ContainsKey($"ingot/{f}"), $"the agent's {f} is not in the image"));
        Assert.Equal(s_modules, Encoding.ASCII.GetString(initramfs["lib/modules/load-order"]).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(s_modules, m => Assert.True(initramfs[$"lib/modules/{m}.ko"].AsSpan().StartsWith("\u007fELF"u8), $"{m}.ko is not an ELF module"));
        byte[] kernel = await File.ReadAllBytesAsync(Path.Combine(output, "vmlinuz"), Ct);
        Assert.Equal("HdrS"u8.ToArray(), kernel[0x202..0x206]);

        (int code, string stdout) = await RegisterAsync(output);
        (int againCode, string again) = await RegisterAsync(output);

        Assert.Equal((IngotCommandLine.Ok, IngotCommandLine.Ok), (code, againCode));
        Assert.StartsWith("Registered ingot/ephemeral amd64/generic as boot resource ", stdout, StringComparison.Ordinal);
        Assert.Contains("is already registered", again, StringComparison.Ordinal);
        var location = new DataLocation(_data.FullName, $"Data Source={Path.Combine(_data.FullName, "ingot.db")}");
        await using ServiceProvider services = IngotState.BuildProvider(location);
        BootImage image = (await services.GetRequiredService<IBootImageCatalog>().FindAsync("ingot", "ephemeral", "amd64", Ct))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(kernel)), image.Kernel!.Sha256);
        Assert.Equal(kernel, await File.ReadAllBytesAsync(image.Kernel.Path, Ct));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(output, "initrd.img"), Ct), await File.ReadAllBytesAsync(image.Initrd!.Path, Ct));
        Assert.Single(await services.GetRequiredService<IBootImageCatalog>().ListAsync(Ct));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    private async Task<(int Code, string Out)> RegisterAsync(string output)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await IngotCommandLine.RunAsync(["add-ephemeral-image", "--dir", output, "--data-dir", _data.FullName], stdout, stderr, Ct);
        Assert.True(code == 0, stderr.ToString());
        return (code, stdout.ToString());
    }

    /// <summary>Runs the build script (bounded to ten minutes); skips when the Debian archive cannot be reached (exit 3).</summary>
    private static async Task<string> BuildAsync()
    {
        string root = RepositoryRoot();
        string output = Path.Combine(root, ".build", "ephemeral");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "build-ephemeral-image.sh"));
        start.ArgumentList.Add(output);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(Ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"scripts/build-ephemeral-image.sh did not finish within ten minutes: {await stdout}{await stderr}");
        }

        if (process.ExitCode == 3)
        {
            Assert.Skip($"The Debian archive cannot be reached to download the kernel: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"scripts/build-ephemeral-image.sh failed ({process.ExitCode}): {await stdout}{await stderr}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Ingot.slnx above {AppContext.BaseDirectory}.");
    }
}
