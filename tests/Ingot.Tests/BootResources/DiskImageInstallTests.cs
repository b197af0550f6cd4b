using System.Text;
using Ingot.Core.Curtin;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.NetworkConfig;
using Ingot.Core.Storage;

namespace Ingot.Tests.BootResources;

/// <summary>
/// MAAS's image types through the installer's own dispatch (<c>install_image</c> in
/// scripts/ephemeral/ingot/install.sh): each whole-disk type compressed by the usual tools (gzip, xz, bzip2,
/// GNU tar) is written over a disk file by busybox's tools as in the ephemeral image, byte for byte; a corrupt
/// or missing image fails the install with the reason; bzip2 and xz root tarballs are laid onto the layout.
/// </summary>
public sealed class DiskImageInstallTests : IDisposable
{
    private const int MiB = 1024 * 1024;
    private const byte Untouched = 0xEE;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("ingot-disk-image-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("dd-raw", "root-dd.raw", "cp disk.img OUT")]
    [InlineData("dd-gz", "root-dd.gz", "gzip -c disk.img > OUT")]
    [InlineData("dd-xz", "root-dd.xz", "xz -c disk.img > OUT")]
    [InlineData("dd-bz2", "root-dd.bz2", "bzip2 -c disk.img > OUT")]
    [InlineData("dd-tgz", "root-dd", "tar -czf OUT disk.img")]
    [InlineData("dd-tbz", "root-dd.tar.bz2", "tar -cjf OUT disk.img")]
    [InlineData("dd-txz", "root-dd.tar.xz", "tar -cJf OUT disk.img")]
    [InlineData("dd-tar", "root-dd.tar", "tar -cf OUT disk.img")]
    public async Task A_disk_image_of_each_maas_type_is_written_over_the_disk_from_its_first_byte(string type, string file, string compress)
    {
        Require();
        byte[] image = await WriteImageAsync(type, file, compress);
        string disk = NewDisk(8 * MiB, Untouched);

        (int code, string output) = await InstallAsync(type, file, disk);

        Assert.True(code == 0, $"install_image {type} exited {code}:\n{output}");
        Assert.Contains($"agent: install: {type} image written to {disk}", output, StringComparison.Ordinal);
        byte[] written = await File.ReadAllBytesAsync(disk, Ct);
        Assert.Equal(8 * MiB, written.Length);
        Assert.True(written.AsSpan(0, image.Length).SequenceEqual(image), $"the disk does not start with the {type} image");
        Assert.False(written.AsSpan(image.Length).ContainsAnyExcept(Untouched), "bytes after the image were changed");
    }

    [Fact]
    public async Task A_corrupt_image_fails_the_install_with_the_reason_and_reports_it()
    {
        Require();
        await WriteImageAsync("dd-xz", "root-dd.xz", "xz -c disk.img > OUT");
        string served = Path.Combine(_work.FullName, "www", "root-dd.xz");
        byte[] whole = await File.ReadAllBytesAsync(served, Ct);
        await File.WriteAllBytesAsync(served, whole[..(whole.Length / 2)], Ct);

        (int code, string output) = await InstallAsync("dd-xz", "root-dd.xz", NewDisk(8 * MiB, Untouched));

        Assert.True(code == 1, $"install_image exited {code}:\n{output}");
        Assert.Contains("agent: install: writing the image failed: the dd-xz image could not be unpacked (xzcat)", output, StringComparison.Ordinal);
        Assert.Contains("report_event finish curtin cmd-install writing the image failed: the dd-xz image could not be unpacked (xzcat) FAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_fails_the_install_naming_the_download_and_the_disk_is_left_alone()
    {
        Require();
        Directory.CreateDirectory(Path.Combine(_work.FullName, "www"));
        string disk = NewDisk(4 * MiB, Untouched);

        (int code, string output) = await InstallAsync("dd-gz", "root-dd.gz", disk);

        Assert.True(code == 1, $"install_image exited {code}:\n{output}");
        Assert.Matches(@"writing the image failed: the download of http://127\.0\.0\.1:\d+/root-dd\.gz failed", output);
        Assert.Contains("FAIL", output, StringComparison.Ordinal);
        Assert.False((await File.ReadAllBytesAsync(disk, Ct)).AsSpan().ContainsAnyExcept(Untouched), "a failed download wrote to the disk");
    }

    [Fact]
    public async Task A_source_type_the_installer_does_not_know_is_refused_by_name()
    {
        Require();
        Directory.CreateDirectory(Path.Combine(_work.FullName, "www"));
        string disk = NewDisk(4 * MiB, Untouched);

        (int code, string output) = await InstallAsync("fsimage", "squashfs", disk);

        Assert.True(code == 1, $"install_image exited {code}:\n{output}");
        Assert.Contains("source type 'fsimage' is not supported by Ingot's installer", output, StringComparison.Ordinal);
        Assert.False((await File.ReadAllBytesAsync(disk, Ct)).AsSpan().ContainsAnyExcept(Untouched), "a refused type wrote to the disk");
    }

    [Theory]
    [InlineData("tbz", "root-tbz", "-cjf")]
    [InlineData("txz", "root-txz", "-cJf")]
    public async Task A_bzip2_or_xz_root_tarball_is_laid_onto_the_flat_layout(string type, string file, string tarFlags)
    {
        Require();
        foreach (string tool in (string[])["/usr/sbin/sfdisk", "/usr/sbin/mke2fs", "/usr/sbin/mkfs.fat", "/usr/sbin/debugfs"])
        {
            Assert.True(File.Exists(tool), $"{tool} is absent (scripts/install-test-packages.sh installs fdisk, e2fsprogs, dosfstools)");
        }

        string tree = Directory.CreateDirectory(Path.Combine(_work.FullName, "tree", "etc")).Parent!.FullName;
        await File.WriteAllTextAsync(Path.Combine(tree, "etc", "ingot-release"), $"ingot {type} root\n", Ct);
        string www = Directory.CreateDirectory(Path.Combine(_work.FullName, "www")).FullName;
        await InstallerShell.ToolAsync("tar", _work.FullName, Ct, "--numeric-owner", tarFlags, Path.Combine(www, file), "-C", tree, ".");
        Machine machine = Machine.Create("tbz001", "tarball-test", new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        machine.Architecture = "amd64/generic";
        machine.BiosBootMethod = "uefi";
        machine.BlockDevices.Add(new BlockDevice { Id = 1, Name = "vda", Model = "", Serial = "tbz-disk0", SizeBytes = 4096L * MiB });
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        var token = new MachineToken { SystemId = machine.SystemId, ConsumerKey = "ck", TokenKey = "tk", TokenSecret = "ts" };
        var network = new DeployedNetwork(machine.Interfaces, new Dictionary<string, SubnetFacts>(), [], []);
        string config = Path.Combine(_work.FullName, "curtin.yaml");
        await File.WriteAllTextAsync(config, CurtinDocument.Render(new CurtinDocumentInput(machine, network, new CurtinSource("http://unused", type), "http://127.0.0.1:5248", token)), Ct);
        string disk = Path.Combine(_work.FullName, "disk.raw");
        await using (var sparse = new FileStream(disk, FileMode.Create, FileAccess.Write))
        {
            sparse.SetLength(machine.BlockDevices[0].SizeBytes);
        }

        (int code, string output) = await InstallAsync(type, file, disk, ("CURTIN_CONFIG", config));

        Assert.True(code == 0, $"install_image {type} exited {code}:\n{output}");
        Assert.Contains("filled with the root tarball", output, StringComparison.Ordinal);
        string rootStart = (await InstallerShell.ToolAsync("/usr/sbin/sfdisk", _work.FullName, Ct, "-d", disk))
            .Split('\n').Where(l => l.Contains(" : start=", StringComparison.Ordinal)).ElementAt(1).Split("start=")[1].Split(',')[0].Trim();
        string root = $"{disk}?offset={long.Parse(rootStart, System.Globalization.CultureInfo.InvariantCulture) * 512}";
        Assert.Equal($"ingot {type} root", (await InstallerShell.ToolAsync("/usr/sbin/debugfs", _work.FullName, Ct, "-R", "cat /etc/ingot-release", root)).Trim());
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static void Require()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Skip("the installer runs as root in a private mount namespace (its own /run), as in the ephemeral image: needs root");
        }

        foreach (string tool in (string[])["/bin/busybox", "/usr/bin/unshare", "/usr/bin/xz", "/usr/bin/bzip2", "/usr/bin/gzip", "/usr/bin/tar"])
        {
            Assert.True(File.Exists(tool), $"{tool} is absent (scripts/install-test-packages.sh installs busybox-static, xz-utils, bzip2)");
        }
    }

    /// <summary>A disk image of 3 MiB and an odd tail (so the last dd block is partial), made into www/FILE by COMPRESS.</summary>
    private async Task<byte[]> WriteImageAsync(string type, string file, string compress)
    {
        byte[] image = new byte[(3 * MiB) + 4113];
        new Random(type.Length).NextBytes(image);
        Encoding.ASCII.GetBytes($"ingot {type} disk").CopyTo(image, 0);
        image[510] = 0x55;
        image[511] = 0xAA;
        await File.WriteAllBytesAsync(Path.Combine(_work.FullName, "disk.img"), image, Ct);
        string www = Directory.CreateDirectory(Path.Combine(_work.FullName, "www")).FullName;
        await InstallerShell.ToolAsync("/bin/sh", _work.FullName, Ct, "-c", compress.Replace("OUT", $"'{Path.Combine(www, file)}'", StringComparison.Ordinal));
        return image;
    }

    private string NewDisk(int size, byte fill)
    {
        string disk = Path.Combine(_work.FullName, "disk.out");
        byte[] content = new byte[size];
        content.AsSpan().Fill(fill);
        File.WriteAllBytes(disk, content);
        return disk;
    }

    private async Task<(int Code, string Output)> InstallAsync(string type, string file, string disk, params (string Name, string Value)[] environment)
    {
        await using InstallerShell shell = await InstallerShell.StartAsync(_work.FullName, Path.Combine(_work.FullName, "www"), Ct);
        return await shell.RunAsync(
            "install_image \"$TYPE\" \"$URI\" \"$DISK\"",
            Ct,
            [("TYPE", type), ("URI", $"http://127.0.0.1:{shell.Port}/{file}"), ("DISK", disk), .. environment]);
    }
}
