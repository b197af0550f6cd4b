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
            Assert.Skip("this host's kernel cannot mount FAT (no vfat in /proc/filesystems, no fs/fat module): the UEFI install runs in DebianUefiDeploymentTests' VM");
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

    [Fact]
    public async Task A_custom_layout_with_swap_and_srv_on_a_second_disk_gets_both_made_with_the_configs_uuids_and_in_the_fstab()
    {
        const string Check = """
            cat /run/t/etc/fstab
            echo "swap: $(blkid -o value -s TYPE "${DISK2}p2") $(blkid -o value -s UUID "${DISK2}p2")"
            echo "srv: $(blkid -o value -s TYPE "${DISK2}p3") $(blkid -o value -s LABEL "${DISK2}p3") $(blkid -o value -s UUID "${DISK2}p3")"
            echo "initramfs lvm: $(zstd -dc /run/t/boot/initrd.img-* | cpio -t 2>/dev/null | grep -c -E '^usr/sbin/lvm$|/dm-mod\.ko|/69-lvm\.rules$')"
            echo "initramfs md: $(zstd -dc /run/t/boot/initrd.img-* | cpio -t 2>/dev/null | grep -E '^usr/sbin/mdadm$|/md-mod\.ko|/raid[0-9]+\.ko|/64-md-raid-assembly\.rules$|(^|/)scripts/local-block/mdadm$' | sed 's|.*/||' | LC_ALL=C sort | tr '\n' ' ')"
            """;
        (string output, string config, string loop, _) = await LayAsync(BiosBootMethods.Pxe, Check, SwapAndSrvOnSecondDisk, rootDevice: "${DISK}p2");
        string rootUuid = RootUuid(config);
        Assert.Contains($"agent: install: GRUB installed on {loop} (i386-pc), grub.cfg for the root on {loop}p2 (UUID={rootUuid}): 1 kernel(s)", output, StringComparison.Ordinal);
        // Both disks of a BIOS machine start with a bios_grub partition (MAAS's _requires_bios_grub_partition: every disk on amd64
        // without UEFI), so swap and /srv are partitions 2 and 3 of the second disk.
        Assert.Contains($"agent: install: gpt partition table on {loop}: 2 partitions\n", output, StringComparison.Ordinal);
        Assert.Matches(@"agent: install: gpt partition table on /dev/loop\d+: 3 partitions\n", output);
        Match swap = Regex.Match(output, @"swap: swap (\S+)");
        Match srv = Regex.Match(output, @"srv: ext4 srv (\S+)");
        Assert.True(swap.Success && srv.Success, output);
        Assert.Equal(FormatUuid(config, "swap"), swap.Groups[1].Value);
        Assert.Equal(FormatUuid(config, "srv"), srv.Groups[1].Value);
        Assert.Contains($"UUID={rootUuid} / ext4 defaults 0 1", output, StringComparison.Ordinal);
        Assert.Contains($"UUID={srv.Groups[1].Value} /srv ext4 defaults 0 2", output, StringComparison.Ordinal);
        Assert.Contains($"UUID={swap.Groups[1].Value} none swap sw 0 0", output, StringComparison.Ordinal);
        // The target's initramfs can bring up a root on LVM: lvm, dm-mod and the LVM udev rules are in it.
        Assert.Contains("initramfs lvm: 3", output, StringComparison.Ordinal);
        // And a root on RAID: mdadm, its udev assembly rules and boot script, md and every RAID level's module.
        Assert.Contains("initramfs md: 64-md-raid-assembly.rules md-mod.ko mdadm mdadm raid0.ko raid1.ko raid10.ko raid456.ko \n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lvm_layout_gets_its_root_on_the_logical_volume_and_a_menu_booting_it_by_its_device_mapper_name()
    {
        // The installer runs the target's lvm: the host's kernel needs device-mapper (dm-mod) for the volumes.
        if (!File.ReadAllText("/proc/misc").Contains(" device-mapper", StringComparison.Ordinal))
        {
            Assert.Skip("this host's kernel has no device-mapper (not in /proc/misc): the LVM install runs in DebianStorageDeploymentTests' VM");
        }

        const string Check = """
            grep -E '^[[:space:]]*linux[[:space:]]' /run/t/boot/grub/grub.cfg | head -n 1
            cat /run/t/etc/fstab
            echo "root: $(blkid -o value -s TYPE /dev/mapper/vgroot-lvroot) $(blkid -o value -s UUID /dev/mapper/vgroot-lvroot)"
            echo "pv: $(blkid -o value -s TYPE "${DISK}p2")"
            """;
        (string output, string config, string loop, _) = await LayAsync(BiosBootMethods.Pxe, Check, m => StorageLayout.Apply(m, new StorageLayoutRequest("lvm")), rootDevice: "/dev/mapper/vgroot-lvroot");
        string rootUuid = RootUuid(config);
        Assert.Contains("agent: install: ext4 on /dev/mapper/vgroot-lvroot, filled with the root tarball", output, StringComparison.Ordinal);
        Assert.Contains($"agent: install: GRUB installed on {loop} (i386-pc), grub.cfg for the root on /dev/mapper/vgroot-lvroot (UUID={rootUuid})", output, StringComparison.Ordinal);
        Assert.Matches(@"linux\s+/boot/vmlinuz-6\.1\.\S+-amd64 root=/dev/mapper/vgroot-lvroot ro console=tty0 console=ttyS0,115200n8", output);
        Assert.Contains($"UUID={rootUuid} / ext4 defaults 0 1", output, StringComparison.Ordinal);
        Assert.Contains($"root: ext4 {rootUuid}", output, StringComparison.Ordinal);
        Assert.Contains("pv: LVM2_member", output, StringComparison.Ordinal);
    }

    /// <summary>The flat layout on vda; on a second 1 GiB disk vdb (after its bios_grub partition) a 256 MiB swap partition and the
    /// rest ext4 (label srv) at /srv.</summary>
    private static void SwapAndSrvOnSecondDisk(Machine machine)
    {
        machine.BlockDevices.Add(new BlockDevice { Id = 2, Name = "vdb", Model = "", Serial = "dtgz-disk1", SizeBytes = 1024 * MiB });
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        StorageDevice vdb = CustomStorage.Device(machine, 2);
        int swap = CustomStorage.CreatePartition(machine, vdb, Form(("size", "268435456")));
        machine.BlockDevices[1].Partitions[swap].Filesystem = CustomStorage.Format(null, false, Form(("fstype", "swap")), "partition");
        CustomStorage.Mount(machine, machine.BlockDevices[1].Partitions[swap].Filesystem, Form(), "partition");
        int srv = CustomStorage.CreatePartition(machine, vdb, Form());
        machine.BlockDevices[1].Partitions[srv].Filesystem = CustomStorage.Format(null, false, Form(("fstype", "ext4"), ("label", "srv")), "partition");
        CustomStorage.Mount(machine, machine.BlockDevices[1].Partitions[srv].Filesystem, Form(("mount_point", "/srv")), "partition");
    }

    private static Ingot.Core.Networks.NetworkForm Form(params (string Name, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.Value)]));

    /// <summary>The uuid of the config's format item of <paramref name="fstype"/> (swap) or with label <paramref name="fstype"/> (srv).</summary>
    private static string FormatUuid(string config, string fstype)
    {
        string[] lines = config.Split('\n');
        int at = Array.FindIndex(lines, l => l.Trim() == $"fstype: {fstype}" || l.Trim() == $"label: {fstype}");
        return lines.Skip(at).First(l => l.Contains("uuid:", StringComparison.Ordinal)).Split(':')[1].Trim().Trim('"');
    }

    /// <summary>
    /// Ingot's curtin config for a 4 GiB machine with the flat layout that booted with <paramref name="biosBootMethod"/>; the
    /// installer's <c>lay_root_tarball</c> onto a loop device; then <paramref name="check"/> runs with the root mounted at /run/t.
    /// <paramref name="layout"/> replaces the flat layout (it may add disks: a second one gets its own loop device, <c>$DISK2</c>, which
    /// the script maps to the config's disk by overriding the installer's <c>disk_device</c>: loop devices have no serial);
    /// <paramref name="rootDevice"/> is what holds '/'.
    /// </summary>
    private async Task<(string Output, string Config, string Loop, string Disk)> LayAsync(string biosBootMethod, string check, Action<Machine>? layout = null, string rootDevice = "${DISK}p2")
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
        (layout ?? (m => StorageLayout.Apply(m, new StorageLayoutRequest("flat"))))(machine);
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
        string loop2 = "";
        if (machine.BlockDevices.Count > 1)
        {
            string disk2 = Path.Combine(_work.FullName, "disk2.raw");
            await using (var file = new FileStream(disk2, FileMode.Create, FileAccess.Write))
            {
                file.SetLength(machine.BlockDevices[1].SizeBytes);
            }

            loop2 = (await RunAsync("/usr/sbin/losetup", "-f", "--show", "-P", disk2)).Trim();
        }

        using Process httpd = Process.Start(new ProcessStartInfo("/bin/busybox", ["httpd", "-f", "-p", $"127.0.0.1:{port}", "-h", www]) { UseShellExecute = false })!;
        try
        {
            await WaitForListenerAsync(port);
            string script = $$"""
                mount -t tmpfs -o size=2g tmpfs /run || exit 9
                say() { echo "$*"; }
                report_event() { echo "report_event $*"; }
                . "$AGENT_DIR/install.sh"
                [ -z "$DISK2" ] || disk_device() { case "$1" in vda) echo "$DISK" ;; vdb) echo "$DISK2" ;; *) return 1 ;; esac; }
                lay_root_tarball "$DISK" "$(curtin_goal uri)" /run/ingot-root || exit 1
                mkdir -p /run/t && mount "{{rootDevice}}" /run/t || exit 8
                {{check}}
                umount /run/t
                """;
            string output = await RunAsync("/usr/bin/unshare", ["--mount", "--propagation", "private", "sh", "-c", script], ("AGENT_DIR", AgentDirectory()), ("CURTIN_CONFIG", configPath), ("DISK", loop), ("DISK2", loop2));
            return (output, config, loop, disk);
        }
        finally
        {
            httpd.Kill();
            await httpd.WaitForExitAsync(CancellationToken.None);
            // The installer leaves the volume group active (the machine reboots): deactivate it before the loop device goes.
            if (File.Exists("/dev/mapper/vgroot-lvroot"))
            {
                await RunAsync("/usr/sbin/dmsetup", "remove", "vgroot-lvroot");
            }

            await RunAsync("/usr/sbin/losetup", "-d", loop);
            if (loop2.Length > 0)
            {
                await RunAsync("/usr/sbin/losetup", "-d", loop2);
            }
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
