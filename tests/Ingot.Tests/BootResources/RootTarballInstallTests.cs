using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Ingot.Core.Curtin;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.NetworkConfig;
using Ingot.Core.Networks;
using Ingot.Core.Storage;

namespace Ingot.Tests.BootResources;

/// <summary>
/// The installer's root tarballs (curtin's <c>tgz</c> source, scripts/ephemeral/ingot/root-tgz.sh) run for
/// real with <c>sh</c>: the curtin config is the one Ingot renders (<see cref="CurtinDocument"/>) for a
/// machine with the flat layout, the tarball is served by busybox's httpd on loopback, the disk is a sparse
/// file. The script runs in a private mount namespace with its own /run (root: as the ephemeral image runs it).
/// </summary>
public sealed class RootTarballInstallTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("ingot-root-tgz-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_root_tarball_is_laid_onto_the_flat_layout_with_an_EFI_partition_and_an_ext4_root_holding_the_tarball_fstab_cloudconfig_and_network_config()
    {
        Require();
        Machine machine = UefiMachine(4096);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        string disk = await RunAsync(machine);

        string table = await ToolAsync("sfdisk", "-d", disk);
        string[] partitions = [.. table.Split('\n').Where(l => l.Contains(" : start=", StringComparison.Ordinal))];
        Assert.Equal(2, partitions.Length);
        Assert.Contains("type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B", partitions[0], StringComparison.Ordinal);
        Assert.Contains("type=0FC63DAF-8483-4772-8E79-3D69D8477DE4", partitions[1], StringComparison.Ordinal);
        Assert.Contains($"size={machine.BlockDevices[0].Partitions[0].SizeBytes / 512,12}", partitions[0], StringComparison.Ordinal);
        Assert.Contains($"size={machine.BlockDevices[0].Partitions[1].SizeBytes / 512,12}", partitions[1], StringComparison.Ordinal);

        string root = $"{disk}?offset={Field(partitions[1], "start") * 512}";
        Assert.Equal("ingot tarball root", (await ToolAsync("debugfs", "-R", "cat /etc/ingot-release", root)).Trim());
        Assert.Contains("Fast link dest: \"ingot-release\"", await ToolAsync("debugfs", "-R", "stat /etc/release-link", root), StringComparison.Ordinal);
        string fstab = await ToolAsync("debugfs", "-R", "cat /etc/fstab", root);
        Assert.Contains(" / ext4 defaults 0 1", fstab, StringComparison.Ordinal);
        Assert.Contains(" /boot/efi vfat defaults 0 2", fstab, StringComparison.Ordinal);
        Assert.Contains("metadata_url", await ToolAsync("debugfs", "-R", "cat /etc/cloud/cloud.cfg.d/maas-cloud-config.cfg", root), StringComparison.Ordinal);
        string networking = await ToolAsync("debugfs", "-R", "cat /etc/cloud/cloud.cfg.d/50-curtin-networking.cfg", root);
        Assert.Equal(CloudInitNetworkV1.Render(StaticNetwork(machine)).TrimEnd(), networking.TrimEnd());
        Assert.Matches("mac_address: [\"']?52:54:00:aa:bb:01", networking);
        Assert.Matches("address: [\"']?10.9.8.20/24", networking);
        string superblock = await ToolAsync("dumpe2fs", "-h", root);
        Assert.Contains("Filesystem volume name:   root", superblock, StringComparison.Ordinal);
        string rootUuid = fstab.Split('\n').Single(l => l.Contains(" / ext4 ", StringComparison.Ordinal)).Split(' ')[0]["UUID=".Length..];
        Assert.Contains($"Filesystem UUID:          {rootUuid}", superblock, StringComparison.Ordinal);

        byte[] boot = new byte[512];
        await using (FileStream file = File.OpenRead(disk))
        {
            file.Seek(Field(partitions[0], "start") * 512, SeekOrigin.Begin);
            await file.ReadExactlyAsync(boot, Ct);
        }

        Assert.Equal("FAT32   ", Encoding.ASCII.GetString(boot, 82, 8));
        Assert.Equal("efi        ", Encoding.ASCII.GetString(boot, 71, 11).ToLowerInvariant());
    }

    [Fact]
    public async Task A_layout_the_installer_cannot_lay_is_refused_with_the_reason_and_the_disk_is_left_alone()
    {
        Require();
        Machine machine = UefiMachine(4096);
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        // Ingot's Core never writes a dm_crypt item (MAAS's storage API has no encryption): the config gets one as curtin's
        // schema has it, the root partition encrypted.
        const string crypt = "  - id: cryptroot\n    type: dm_crypt\n    volume: vda-part2\n    dm_name: cryptroot\n    key: passw0rd\n";
        string disk = await RunAsync(machine, "storage item type 'dm_crypt' is not supported by Ingot's installer", edit: c => c.Replace("  config:\n", "  config:\n" + crypt, StringComparison.Ordinal));
        Assert.True(IsZero(disk, 0, (int)(4 * MiB)), "the refused layout wrote to the disk");
    }

    [Fact]
    public async Task A_bcache_layout_on_a_kernel_without_bcache_is_refused_before_the_disk_is_touched()
    {
        Require();
        if (Directory.Exists("/sys/fs/bcache"))
        {
            Assert.Skip("this host's kernel has bcache: the bcache install runs in DebianStorageDeploymentTests' VM");
        }

        Machine machine = UefiMachine(4096);
        machine.BlockDevices.Add(new BlockDevice { Id = 2, Name = "vdb", Model = "", Serial = "tgz-disk1", SizeBytes = 1024 * MiB });
        machine.BlockDevices.Add(new BlockDevice { Id = 3, Name = "vdc", Model = "", Serial = "tgz-disk2", SizeBytes = 1024 * MiB });
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        CacheSet set = CustomStorage.CreateCacheSet(machine, Form(("cache_device", "2")));
        CustomStorage.CreateBcache(machine, Form(("name", "bcache0"), ("cache_set", set.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cache_mode", "writeback"), ("backing_device", "3")));
        string disk = await RunAsync(machine, "the layout has bcache but this kernel has no bcache (no /sys/fs/bcache/register: the ephemeral image loads bcache.ko)", extraDisks: 2);
        Assert.True(IsZero(disk, 0, (int)(4 * MiB)), "the refused layout wrote to the disk");
    }

    [Fact]
    public async Task A_raid_layout_with_a_tarball_without_mdadm_fails_the_install_naming_what_is_missing()
    {
        Require();
        Machine machine = UefiMachine(4096);
        machine.BlockDevices.Add(new BlockDevice { Id = 2, Name = "vdb", Model = "", Serial = "tgz-disk1", SizeBytes = 1024 * MiB });
        machine.BlockDevices.Add(new BlockDevice { Id = 3, Name = "vdc", Model = "", Serial = "tgz-disk2", SizeBytes = 1024 * MiB });
        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        CustomStorage.CreateRaid(machine, Form(("name", "md0"), ("level", "raid-1"), ("block_devices", "2"), ("block_devices", "3")));
        // The extra disks are found by serial (virtio's /sys/block/*/serial): here, through their config path, two more files.
        await RunAsync(machine, "the layout has RAID arrays but the root tarball has no mdadm (/sbin/mdadm: Debian's mdadm)", extraDisks: 2);
    }

    [Fact]
    public async Task A_raid5_of_partitions_under_a_volume_group_gets_its_members_partition_tables_then_a_tarball_without_mdadm_fails_naming_it()
    {
        // The storage walk's RAID 5 and LVM (DebianStorageDeploymentTests) as far as a kernel without md lets it run: the layout passes the
        // installer's checks (raid, lvm_volgroup and lvm_partition carried out, level 5), each member disk gets its own partition
        // table, then the missing mdadm is named before any array is made.
        Require();
        Machine machine = UefiMachine(4096);
        var members = new List<(string, string)> { ("name", "md0"), ("level", "raid-5") };
        for (int i = 2; i <= 4; i++)
        {
            machine.BlockDevices.Add(new BlockDevice { Id = i, Name = $"vd{(char)('a' + i - 1)}", Model = "", Serial = $"tgz-disk{i - 1}", SizeBytes = 1024 * MiB });
        }

        StorageLayout.Apply(machine, new StorageLayoutRequest("flat"));
        for (int i = 2; i <= 4; i++)
        {
            int index = CustomStorage.CreatePartition(machine, CustomStorage.Device(machine, i), Form());
            members.Add(("partitions", StorageIds.Partition(i, index).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Raid raid = CustomStorage.CreateRaid(machine, Form([.. members]));
        VolumeGroup group = CustomStorage.CreateVolumeGroup(machine, Form(("name", "vgraid"), ("block_devices", StorageIds.Virtual(raid.Id).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        LogicalVolume srv = CustomStorage.CreateLogicalVolume(machine, group, Form(("name", "lvsrv")));
        srv.Filesystem = new Filesystem { Type = "ext4", Label = "srv", MountPoint = "/srv" };
        await RunAsync(machine, "the layout has RAID arrays but the root tarball has no mdadm (/sbin/mdadm: Debian's mdadm)", extraDisks: 3);
        for (int i = 2; i <= 4; i++)
        {
            BlockDevice disk = machine.BlockDevices[i - 1];
            string dump = await ToolAsync("/usr/sbin/sfdisk", "--dump", Path.Combine(_work.FullName, $"disk{i}.raw"));
            Assert.Contains("label: gpt", dump, StringComparison.Ordinal);
            Match partition = Assert.Single(Regex.Matches(dump, @"start= *(\d+), size= *(\d+),"));
            Assert.Equal(disk.Partitions[0].SizeBytes / 512, long.Parse(partition.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static NetworkForm Form(params (string Key, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.Value)]));

    [Fact]
    public async Task An_lvm_layout_with_a_tarball_without_lvm_tools_fails_the_install_naming_what_is_missing()
    {
        Require();
        Machine machine = UefiMachine(4096);
        StorageLayout.Apply(machine, new StorageLayoutRequest("lvm"));
        await RunAsync(machine, "the layout has LVM volume groups but the root tarball has no LVM tools (/sbin/lvm: Debian's lvm2)");
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static void Require()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Skip("the installer runs as root in a private mount namespace (its own /run), as in the ephemeral image: needs root");
        }

        foreach (string tool in (string[])["/usr/sbin/sfdisk", "/usr/sbin/mke2fs", "/usr/sbin/mkfs.fat", "/usr/bin/mcopy", "/usr/sbin/debugfs", "/bin/busybox", "/usr/bin/unshare"])
        {
            if (!File.Exists(tool))
            {
                Assert.Fail($"{tool} is absent (scripts/install-test-packages.sh installs fdisk, e2fsprogs, dosfstools, mtools, busybox-static)");
            }
        }
    }

    private static Machine UefiMachine(long diskMiB)
    {
        Machine machine = Machine.Create("tgz001", "tgz-test", new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        machine.Architecture = "amd64/generic";
        machine.BiosBootMethod = "uefi";
        machine.BlockDevices.Add(new BlockDevice { Id = 1, Name = "vda", Model = "", Serial = "tgz-disk0", SizeBytes = diskMiB * MiB });
        return machine;
    }

    /// <summary>The machine's NIC with an AUTO link holding its deploy-time address on a subnet with a gateway (a static entry).</summary>
    private static DeployedNetwork StaticNetwork(Machine machine)
    {
        if (machine.Interfaces.Count == 0)
        {
            var nic = new NetworkInterface { Id = 1, Name = "eth0", MacAddress = MacAddress.Parse("52:54:00:aa:bb:01") };
            nic.Links.Add(new InterfaceLink { Mode = LinkMode.Auto, Subnet = "10.9.8.0/24", IpAddress = "10.9.8.20" });
            machine.Interfaces.Add(nic);
        }

        var subnets = new Dictionary<string, SubnetFacts> { ["10.9.8.0/24"] = new("10.9.8.0/24", "10.9.8.1", ["10.9.8.1"]) };
        return new DeployedNetwork(machine.Interfaces, subnets, [], []);
    }

    /// <summary>Renders the curtin config, serves a small root tarball, runs lay_root_tarball; returns the disk file. With
    /// <paramref name="failure"/>, the install must fail with that reason reported to the webhook.</summary>
    /// <summary>
    /// Runs lay_root_tarball for the machine's curtin config onto a file as its first disk; <paramref name="extraDisks"/> more
    /// files stand for its disks vdb, vdc, … (storage.sh's disk_device finds real disks by serial; here it is overridden).
    /// </summary>
    private async Task<string> RunAsync(Machine machine, string? failure = null, int extraDisks = 0, Func<string, string>? edit = null)
    {
        string www = Directory.CreateDirectory(Path.Combine(_work.FullName, "www")).FullName;
        await WriteTarballAsync(Path.Combine(www, "root-tgz"));
        int port = InstallerShell.FreeTcpPort();
        var token = new MachineToken { SystemId = machine.SystemId, ConsumerKey = "ck", TokenKey = "tk", TokenSecret = "ts" };
        DeployedNetwork network = StaticNetwork(machine);
        string config = CurtinDocument.Render(new CurtinDocumentInput(machine, network, new CurtinSource($"http://127.0.0.1:{port}/root-tgz", "tgz"), "http://127.0.0.1:5248", token));
        config = edit?.Invoke(config) ?? config;
        string configPath = Path.Combine(_work.FullName, "curtin.yaml");
        await File.WriteAllTextAsync(configPath, config, Ct);
        string disk = Path.Combine(_work.FullName, "disk.raw");
        await using (var file = new FileStream(disk, FileMode.Create, FileAccess.Write))
        {
            file.SetLength(machine.BlockDevices[0].SizeBytes);
        }

        string extra = "";
        for (int i = 1; i <= extraDisks; i++)
        {
            string path = Path.Combine(_work.FullName, $"disk{i + 1}.raw");
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                file.SetLength(machine.BlockDevices[i].SizeBytes);
            }

            extra += $"{machine.BlockDevices[i].Name}) echo '{path}' ;; ";
        }

        string agent = Path.Combine(InstallerShell.RepositoryRoot(), "scripts", "ephemeral", "ingot");
        using Process httpd = Process.Start(new ProcessStartInfo("/bin/busybox", ["httpd", "-f", "-p", $"127.0.0.1:{port}", "-h", www]) { UseShellExecute = false })!;
        try
        {
            await InstallerShell.WaitForListenerAsync(port, Ct);
            string script = """
                mount -t tmpfs tmpfs /run || exit 9
                say() { echo "$*"; }
                report_event() { echo "report_event $*"; }
                . "$AGENT_DIR/install.sh"
                [ -z "$EXTRA" ] || eval "disk_device() { case \"\$1\" in $EXTRA*) echo \"\$2\" ;; esac; }"
                lay_root_tarball "$DISK" "$(curtin_goal uri)" /run/ingot-root
                """;
            (int code, string output) = await ShellAsync(script, ("AGENT_DIR", agent), ("CURTIN_CONFIG", configPath), ("DISK", disk), ("EXTRA", extra));
            if (failure is null)
            {
                Assert.True(code == 0, $"lay_root_tarball failed ({code}):\n{output}\ncurtin config:\n{config}");
                Assert.Contains("filled with the root tarball", output, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(code == 1, $"lay_root_tarball exited {code}:\n{output}");
                Assert.Contains($"report_event finish curtin cmd-install {failure}", output, StringComparison.Ordinal);
                Assert.Contains(" FAIL\n", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            httpd.Kill();
            await httpd.WaitForExitAsync(CancellationToken.None);
        }

        return disk;
    }

    private static async Task WriteTarballAsync(string path)
    {
        await using FileStream file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Gnu);
        await tar.WriteEntryAsync(new GnuTarEntry(TarEntryType.Directory, "./etc/") { Mode = (UnixFileMode)0b111_101_101 }, Ct);
        var release = new GnuTarEntry(TarEntryType.RegularFile, "./etc/ingot-release")
        {
            Mode = (UnixFileMode)0b110_100_100,
            DataStream = new MemoryStream(Encoding.ASCII.GetBytes("ingot tarball root\n")),
        };
        await tar.WriteEntryAsync(release, Ct);
        await tar.WriteEntryAsync(new GnuTarEntry(TarEntryType.SymbolicLink, "./etc/release-link") { LinkName = "ingot-release" }, Ct);
    }

    private static long Field(string dumpLine, string name)
    {
        string rest = dumpLine[(dumpLine.IndexOf(name + "=", StringComparison.Ordinal) + name.Length + 1)..];
        return long.Parse(rest[..rest.IndexOf(',', StringComparison.Ordinal)].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsZero(string path, long offset, int length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
        file.Seek(offset, SeekOrigin.Begin);
        byte[] buffer = new byte[length];
        file.ReadExactly(buffer);
        return !buffer.AsSpan().ContainsAnyExcept((byte)0);
    }

    private static async Task<string> ToolAsync(string tool, params string[] args)
    {
        (int code, string stdout, string stderr) = await RunProcessAsync(new ProcessStartInfo(tool, args));
        Assert.True(code == 0, $"{tool} {string.Join(' ', args)} exited {code}: {stdout}{stderr}");
        return stdout;
    }

    private static async Task<(int Code, string Output)> ShellAsync(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("/usr/bin/unshare", ["--mount", "--propagation", "private", "sh", "-c", script]);
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        (int code, string stdout, string stderr) = await RunProcessAsync(start);
        return (code, stdout + stderr);
    }

    /// <summary>Runs to the end, at most two minutes.</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(Ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
