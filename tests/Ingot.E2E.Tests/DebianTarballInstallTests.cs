using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Ingot.Core.Boot;
using Ingot.Core.Curtin;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.NetworkConfig;
using Ingot.Core.Storage;
using Ingot.E2E.Tests.Lab;

namespace Ingot.E2E.Tests;

/// <summary>
/// The Debian tarball and the installer's GRUB step without a VM: the installer's <c>lay_root_tarball</c>
/// (scripts/ephemeral/ingot/root-tgz.sh, boot-loader.sh) runs with <c>sh</c> in a private mount namespace
/// against a loop device (partitions scanned), the curtin config Ingot renders for a BIOS or a UEFI machine with
/// the flat layout, the tarball read from a file URL stand-in (busybox httpd on loopback). Root only.
/// </summary>
public sealed class DebianTarballInstallTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("ingot-debian-tgz-");

    [Fact]
    public async Task The_debian_tarball_laid_on_a_loop_disk_gets_grub_in_its_mbr_and_a_menu_booting_the_root_by_uuid_with_the_maas_datasource_config()
    {
        const string Check = """
            grep -E '^[[:space:]]*linux[[:space:]]' /run/t/boot/grub/grub.cfg | head -n 1
            cat /run/t/etc/fstab /run/t/etc/cloud/cloud.cfg.d/maas-datasource.cfg /run/t/etc/cloud/cloud.cfg.d/maas-cloud-config.cfg
            ls /run/t/boot/grub/i386-pc/normal.mod /run/t/usr/lib/python3/dist-packages/cloudinit/sources/DataSourceMAAS.py
            echo "initramfs: $(du -k /run/t/boot/initrd.img-* | cut -f1) KiB, $(cat /run/t/etc/initramfs-tools/conf.d/ingot.conf | tr '\n' ' ')"
            """;
        (string output, string config, string loop, string disk) = await LayAsync(BiosBootMethods.Pxe, Check);
        string rootUuid = RootUuid(config);
        Assert.Contains($"agent: install: GRUB installed on {loop} (i386-pc), grub.cfg for the root on {loop}p2 (UUID={rootUuid}): 1 kernel(s)", output, StringComparison.Ordinal);
        Assert.Matches($@"linux\s+/boot/vmlinuz-6\.1\.\S+-amd64 root=UUID={rootUuid} ro console=tty0 console=ttyS0,115200n8", output);
        Assert.Contains($"UUID={rootUuid} / ext4 defaults 0 1", output, StringComparison.Ordinal);
        Assert.Contains("datasource_list: [ MAAS ]", output, StringComparison.Ordinal);
        Assert.Matches(@"metadata_url: ""?http://10\.0\.0\.1:5248/MAAS/metadata/""?", output);
        Assert.Matches(@"token_secret: ""?ts""?\n", output);
        Assert.Contains("DataSourceMAAS.py", output, StringComparison.Ordinal);
        Match initramfs = Regex.Match(output, @"initramfs: (\d+) KiB, MODULES=list COMPRESS=zstd");
        Assert.True(initramfs.Success && int.Parse(initramfs.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= 16 * 1024, $"the target's initramfs is not the small MODULES=list one: {output}");
        byte[] mbr = new byte[512];
        await using (FileStream file = File.OpenRead(disk))
        {
            await file.ReadExactlyAsync(mbr, TestContext.Current.CancellationToken);
        }

        Assert.Contains("GRUB", Encoding.ASCII.GetString(mbr), StringComparison.Ordinal);
        Assert.Equal((0x55, 0xAA), (mbr[510], mbr[511]));
    }

    [Fact]
    public async Task On_a_uefi_machine_the_tarball_gets_an_esp_with_grub_at_the_removable_path_mounted_at_boot_efi_and_no_grub_in_the_mbr()
    {
        // The installer mounts the ESP (as curtin does) to run grub-install into it: the host's kernel must mount FAT.
        if (!File.ReadAllText("/proc/filesystems").Contains("\tvfat", StringComparison.Ordinal) && !Directory.Exists($"/lib/modules/{File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}/kernel/fs/fat"))
        {
            Assert.Skip("this host's kernel cannot mount FAT (no vfat in /proc/filesystems, no fs/fat module): the UEFI install runs in DebianDeploymentTests' VM");
        }

        const string Check = """
            grep -E '^[[:space:]]*linux[[:space:]]' /run/t/boot/grub/grub.cfg | head -n 1
            cat /run/t/etc/fstab
            ls /run/t/boot/grub/x86_64-efi/normal.mod
            mkdir -p /run/e && mount -t vfat -o ro "${DISK}p1" /run/e || exit 7
            find /run/e -type f | sort
            echo "esp: $(blkid -o value -s TYPE "${DISK}p1") $(blkid -o value -s LABEL "${DISK}p1") $(blkid -o value -s UUID "${DISK}p1")"
            head -c 2 /run/e/EFI/BOOT/BOOTX64.EFI; echo
            umount /run/e
            """;
        (string output, string config, string loop, string disk) = await LayAsync(BiosBootMethods.Uefi, Check);
        string rootUuid = RootUuid(config);
        Assert.Contains($"agent: install: GRUB installed on {loop} (x86_64-efi, removable path EFI/BOOT/BOOTX64.EFI on {loop}p1), grub.cfg for the root on {loop}p2 (UUID={rootUuid}): 1 kernel(s)", output, StringComparison.Ordinal);
        Assert.Matches($@"linux\s+/boot/vmlinuz-6\.1\.\S+-amd64 root=UUID={rootUuid} ro console=tty0 console=ttyS0,115200n8", output);
        Assert.Contains($"UUID={rootUuid} / ext4 defaults 0 1", output, StringComparison.Ordinal);
        Assert.Contains("/run/t/boot/grub/x86_64-efi/normal.mod", output, StringComparison.Ordinal);
        // The ESP: MAAS's flat layout's first partition, FAT32 labelled efi, its volume id from the config's uuid, in the fstab.
        Match esp = Regex.Match(output, @"esp: vfat efi (\w{4}-\w{4})");
        Assert.True(esp.Success, output);
        Assert.Contains($"UUID={esp.Groups[1].Value} /boot/efi vfat defaults 0 2", output, StringComparison.Ordinal);
        Assert.Contains("/run/e/EFI/BOOT/BOOTX64.EFI\n", output, StringComparison.Ordinal);
        Assert.Contains("\nMZ\n", output, StringComparison.Ordinal);
        byte[] mbr = new byte[512];
        await using (FileStream file = File.OpenRead(disk))
        {
            await file.ReadExactlyAsync(mbr, TestContext.Current.CancellationToken);
        }

        Assert.DoesNotContain("GRUB", Encoding.ASCII.GetString(mbr), StringComparison.Ordinal);
    }

    /// <summary>
    /// Ingot's curtin config for a 4 GiB machine with the flat layout that booted with <paramref name="biosBootMethod"/>; the
    /// installer's <c>lay_root_tarball</c> onto a loop device; then <paramref name="check"/> runs with the root mounted at /run/t.
    /// </summary>
    private async Task<(string Output, string Config, string Loop, string Disk)> LayAsync(string biosBootMethod, string check)
    {
        if (!HostCommand.IsRoot || !File.Exists("/usr/sbin/losetup"))
        {
            Assert.Skip("the installer's GRUB step needs root and losetup (a loop device for the disk)");
        }

        string tarball = await DebianTarball.PathAsync();
        Machine machine = Machine.Create("dtgz01", "debian-tgz", new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        machine.Architecture = "amd64/generic";
        machine.BiosBootMethod = biosBootMethod;
        machine.BlockDevices.Add(new BlockDevice { Id = 1, Name = "vda", Model = "", Serial = "dtgz-disk0", SizeBytes = 4096 * MiB });
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        string www = Directory.CreateDirectory(Path.Combine(_work.FullName, "www")).FullName;
        File.CreateSymbolicLink(Path.Combine(www, "root-tgz"), tarball);
        int port = FreeTcpPort();
        var token = new MachineToken { SystemId = machine.SystemId, ConsumerKey = "ck", TokenKey = "tk", TokenSecret = "ts" };
        var network = new DeployedNetwork([], new Dictionary<string, SubnetFacts>(), [], []);
        string config = CurtinDocument.Render(new CurtinDocumentInput(machine, network, new CurtinSource($"http://127.0.0.1:{port}/root-tgz", "tgz"), "http://10.0.0.1:5248", token));
        string configPath = Path.Combine(_work.FullName, "curtin.yaml");
        await File.WriteAllTextAsync(configPath, config, TestContext.Current.CancellationToken);
        string disk = Path.Combine(_work.FullName, "disk.raw");
        await using (var file = new FileStream(disk, FileMode.Create, FileAccess.Write))
        {
            file.SetLength(machine.BlockDevices[0].SizeBytes);
        }

        string loop = (await RunAsync("/usr/sbin/losetup", "-f", "--show", "-P", disk)).Trim();
        using Process httpd = Process.Start(new ProcessStartInfo("/bin/busybox", ["httpd", "-f", "-p", $"127.0.0.1:{port}", "-h", www]) { UseShellExecute = false })!;
        try
        {
            await WaitForListenerAsync(port);
            string script = $$"""
                mount -t tmpfs -o size=2g tmpfs /run || exit 9
                say() { echo "$*"; }
                report_event() { echo "report_event $*"; }
                . "$AGENT_DIR/install.sh"
                lay_root_tarball "$DISK" "$(curtin_goal uri)" /run/ingot-root || exit 1
                mkdir -p /run/t && mount "${DISK}p2" /run/t || exit 8
                {{check}}
                umount /run/t
                """;
            string output = await RunAsync("/usr/bin/unshare", ["--mount", "--propagation", "private", "sh", "-c", script], ("AGENT_DIR", AgentDirectory()), ("CURTIN_CONFIG", configPath), ("DISK", loop));
            return (output, config, loop, disk);
        }
        finally
        {
            httpd.Kill();
            await httpd.WaitForExitAsync(CancellationToken.None);
            await RunAsync("/usr/sbin/losetup", "-d", loop);
        }
    }

    private static string RootUuid(string config) =>
        config.Split('\n').SkipWhile(l => !l.Contains("label: root", StringComparison.Ordinal)).First(l => l.Contains("uuid:", StringComparison.Ordinal)).Split(':')[1].Trim().Trim('"');

    public void Dispose() => _work.Delete(recursive: true);

    /// <summary>busybox httpd takes a moment to listen: connects until it answers (at most 50 × 100 ms).</summary>
    private static async Task WaitForListenerAsync(int port)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        throw new TimeoutException($"busybox httpd did not listen on 127.0.0.1:{port} within 50 tries");
    }

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string AgentDirectory() => Path.Combine(EphemeralImage.RepositoryRoot(), "scripts", "ephemeral", "ingot");

    private static Task<string> RunAsync(string program, params string[] args) => RunAsync(program, args, []);

    /// <summary>Runs to the end, at most five minutes; fails with the output when it exits non-zero.</summary>
    private static async Task<string> RunAsync(string program, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(deadline.Token);
        string output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
