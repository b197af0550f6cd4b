using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Ingot.Tests.BootResources;

/// <summary>
/// A deployment to memory of an image with a root tarball (scripts/ephemeral/ingot/memory-root.sh) run for real with
/// busybox's <c>sh</c>, <c>wget</c> and <c>tar</c> as the ephemeral image runs them, in a private mount namespace (root): the
/// tarball is served by busybox's httpd on loopback and unpacked into a real tmpfs of the given size. Each failure (not
/// fetched, corrupt, cut short, too big for the tmpfs, no <c>/sbin/init</c>) is reported as the failed top-level stage
/// <c>memory-root</c> with its reason (which fails the deployment: <c>DeployFlowTests</c>) and leaves no tmpfs behind.
/// </summary>
public sealed class MemoryRootTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("ingot-memory-root-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Www => Path.Combine(_work.FullName, "www");

    [Fact]
    public async Task A_root_tgz_is_unpacked_into_a_tmpfs_of_the_given_size_and_an_image_without_cloud_init_is_told_apart()
    {
        Require();
        await WriteImageAsync("tgz", "root-tgz", cloudInit: false);

        (int code, string output) = await RunAsync(
            "load_memory_root \"$URL/tgz/root-tgz\" /run/mr 65536 || exit 1; sed -n 's/^ID=//p' /run/mr/etc/os-release; " +
            "has_cloud_init /run/mr && echo has-cloud-init || echo no-cloud-init; grep ' /run/mr ' /proc/mounts");

        Assert.True(code == 0, output);
        Assert.Contains("agent: memory: unpacking http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("\ningot-memory-test\nno-cloud-init\ntmpfs /run/mr tmpfs rw,", output, StringComparison.Ordinal);
        Assert.Contains("size=65536k", output, StringComparison.Ordinal);
        Assert.DoesNotContain("report_event", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_root_txz_is_unpacked_with_xz_and_an_image_with_cloud_init_is_seen_to_have_it()
    {
        Require();
        await WriteImageAsync("txz", "root-txz", cloudInit: true);

        (int code, string output) = await RunAsync(
            "load_memory_root \"$URL/txz/root-txz\" /run/mr 65536 || exit 1; sed -n 's/^ID=//p' /run/mr/etc/os-release; " +
            "has_cloud_init /run/mr && echo has-cloud-init || echo no-cloud-init; [ -x /run/mr/sbin/init ] && echo init-executable");

        Assert.True(code == 0, output);
        Assert.Contains("\ningot-memory-test\nhas-cloud-init\ninit-executable\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_without_cloud_init_gets_the_datasource_read_for_it_and_the_keys_and_user_data_left_in_it_then_root_is_switched()
    {
        Require();
        await WriteImageAsync("plain", "root-tgz", cloudInit: false);
        await WriteDatasourceAsync();

        (int code, string output) = await RunAsync(
            AgentWithDatasource + "run_memory_root \"$URL/plain/root-tgz\"; echo rc=$?; echo \"switch=$(cat /run/ingot-switch-root)\"; " +
            "cat /run/ingot-memory-root/root/.ssh/authorized_keys /run/ingot-memory-root/var/lib/cloud/instance/user-data.txt");

        Assert.True(code == 0, output);
        Assert.Contains("agent: memory: the image has no cloud-init: the agent reads the datasource for it", output, StringComparison.Ordinal);
        Assert.Contains("report_event start cloudinit modules-final running modules for final\n", output, StringComparison.Ordinal);
        Assert.Contains("agent: memory: deployed to memory, instance i-memory, user-data 25 bytes: #!/bin/sh echo memory-ud ", output, StringComparison.Ordinal);
        Assert.Contains("report_event finish cloudinit modules-final running modules for final SUCCESS\n", output, StringComparison.Ordinal);
        Assert.EndsWith("rc=0\nswitch=/run/ingot-memory-root\nssh-ed25519 AAAAmemorykey owner\n#!/bin/sh\necho memory-ud\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_with_cloud_init_is_left_to_read_its_own_user_data()
    {
        Require();
        await WriteImageAsync("cloud", "root-tgz", cloudInit: true);
        await WriteDatasourceAsync();

        (int code, string output) = await RunAsync(
            AgentWithDatasource + "run_memory_root \"$URL/cloud/root-tgz\"; echo rc=$?; echo \"switch=$(cat /run/ingot-switch-root)\"; ls /run/user-data /run/ingot-memory-root/var/lib/cloud 2>&1 | wc -l");

        Assert.True(code == 0, output);
        Assert.Contains("agent: memory: the image has cloud-init: it reads its own user-data", output, StringComparison.Ordinal);
        Assert.DoesNotContain("report_event", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2012-03-01", output, StringComparison.Ordinal);
        Assert.EndsWith("rc=0\nswitch=/run/ingot-memory-root\n2\n", output, StringComparison.Ordinal);
    }

    /// <summary>The agent's API and rescue functions, events echoed instead of sent, the datasource of <see cref="WriteDatasourceAsync"/>.</summary>
    private const string AgentWithDatasource =
        ". \"$AGENT_DIR/maas-api.sh\"; . \"$AGENT_DIR/rescue.sh\"; report_event() { echo \"report_event $*\"; }; METADATA_URL=\"$URL/md/\"; ";

    /// <summary>What the metadata API would answer, as static files under <c>md/2012-03-01/</c>.</summary>
    private async Task WriteDatasourceAsync()
    {
        string metadata = Directory.CreateDirectory(Path.Combine(Www, "md", "2012-03-01", "meta-data")).FullName;
        await File.WriteAllTextAsync(Path.Combine(metadata, "instance-id"), "i-memory", Ct);
        await File.WriteAllTextAsync(Path.Combine(metadata, "public-keys"), "ssh-ed25519 AAAAmemorykey owner\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(Www, "md", "2012-03-01", "user-data"), "#!/bin/sh\necho memory-ud\n", Ct);
    }

    public static TheoryData<string, int, string> Failures() => new()
    {
        { "absent", 65536, "the root tarball could not be fetched from {URL}/absent/root-tgz: server returned error: HTTP/1.1 404 Not Found" },
        { "corrupt", 65536, "the root tarball is corrupt: tar: invalid magic" },
        { "truncated", 65536, "the root tarball is corrupt: " },
        { "big", 1024, "the root tarball does not fit in memory: it unpacks to more than the 1 MiB available" },
        { "noinit", 65536, "the root tarball has no /sbin/init to start" },
        { "none-left", 0, "the root tarball does not fit in memory: 48 MiB available, 48 MiB kept for the running system" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_tarball_that_cannot_be_run_is_reported_as_a_failed_memory_root_stage_and_leaves_no_tmpfs(string name, int sizeKib, string reason)
    {
        Require();
        await WriteFailureAsync(name);

        (int code, string output) = await RunAsync($"load_memory_root \"$URL/{name}/root-tgz\" /run/mr {sizeKib}; echo rc=$?; grep -c ' /run/mr ' /proc/mounts");

        string url = output[(output.IndexOf("URL=", StringComparison.Ordinal) + 4)..].Split('\n')[0];
        string expected = reason.Replace("{URL}", url, StringComparison.Ordinal);
        Assert.True(code != 9, output);
        Assert.Contains($"report_event finish cloudinit memory-root {expected}", output, StringComparison.Ordinal);
        Assert.Contains(" FAIL\nrc=1\n0\n", output, StringComparison.Ordinal);
        Assert.Contains($"agent: memory: {expected}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_refuses_the_connection_is_a_tarball_that_could_not_be_fetched()
    {
        Require();
        int closed = InstallerShell.FreeTcpPort();

        (int code, string output) = await RunAsync($"load_memory_root http://127.0.0.1:{closed}/x/root-tgz /run/mr 65536; echo rc=$?");

        Assert.True(code == 0, output);
        Assert.Contains($"report_event finish cloudinit memory-root the root tarball could not be fetched from http://127.0.0.1:{closed}/x/root-tgz: can't connect to remote host (127.0.0.1): Connection refused FAIL\nrc=1", output, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static void Require()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Skip("the tarball is unpacked into a tmpfs mounted in a private mount namespace, as in the ephemeral image: needs root");
        }

        foreach (string tool in (string[])["/bin/busybox", "/usr/bin/unshare", "/usr/bin/xz"])
        {
            if (!File.Exists(tool))
            {
                Assert.Fail($"{tool} is absent (scripts/install-test-packages.sh installs busybox-static, util-linux, xz-utils)");
            }
        }
    }

    /// <summary>Runs <paramref name="command"/> after sourcing memory-root.sh (report_event and say print); URL is the httpd's.</summary>
    private async Task<(int Code, string Output)> RunAsync(string command)
    {
        Directory.CreateDirectory(Www);
        await using InstallerShell shell = await InstallerShell.StartAsync(_work.FullName, Www, Ct);
        string url = $"http://127.0.0.1:{shell.Port}";
        return await shell.RunAsync($"echo URL={url}; . \"$AGENT_DIR/memory-root.sh\"; {command}", Ct, ("URL", url));
    }

    /// <summary>A tiny root: /sbin/init, /etc/os-release, and /usr/bin/cloud-init when asked; gzip or xz by file type.</summary>
    private async Task WriteImageAsync(string directory, string fileType, bool cloudInit)
    {
        string path = Path.Combine(Directory.CreateDirectory(Path.Combine(Www, directory)).FullName, fileType);
        byte[] tar = Tar(
        [
            ("./sbin/init", "#!/bin/sh\nexec sleep 3600\n"u8.ToArray(), true),
            ("./etc/os-release", "ID=ingot-memory-test\n"u8.ToArray(), false),
            .. cloudInit ? [("./usr/bin/cloud-init", "#!/bin/sh\n"u8.ToArray(), true)] : Array.Empty<(string, byte[], bool)>(),
        ]);
        if (fileType == "root-tgz")
        {
            await File.WriteAllBytesAsync(path, Gzip(tar), Ct);
            return;
        }

        string plain = path + ".tar";
        await File.WriteAllBytesAsync(plain, tar, Ct);
        await InstallerShell.ToolAsync("/usr/bin/xz", _work.FullName, Ct, "-z", "-T1", plain);
        File.Move(plain + ".xz", path);
    }

    private async Task WriteFailureAsync(string name)
    {
        string directory = Directory.CreateDirectory(Path.Combine(Www, name)).FullName;
        string path = Path.Combine(directory, "root-tgz");
        byte[] good = Gzip(Tar([("./sbin/init", "#!/bin/sh\n"u8.ToArray(), true), ("./etc/filler", RandomNumberGenerator.GetBytes(256 * 1024), false)]));
        switch (name)
        {
            case "absent":
                Directory.Delete(directory);
                break;
            case "corrupt":
                await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(8192), Ct);
                break;
            case "truncated":
                await File.WriteAllBytesAsync(path, good[..(good.Length / 2)], Ct);
                break;
            case "big":
                await File.WriteAllBytesAsync(path, Gzip(Tar([("./sbin/init", "#!/bin/sh\n"u8.ToArray(), true), ("./var/big", RandomNumberGenerator.GetBytes(3 * 1024 * 1024), false)])), Ct);
                break;
            case "noinit":
                await File.WriteAllBytesAsync(path, Gzip(Tar([("./etc/os-release", "ID=no-init\n"u8.ToArray(), false)])), Ct);
                break;
            default:
                await File.WriteAllBytesAsync(path, good, Ct);
                break;
        }
    }

    private static byte[] Tar(IEnumerable<(string Name, byte[] Content, bool Executable)> files)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Gnu, leaveOpen: true))
        {
            foreach ((string name, byte[] content, bool executable) in files)
            {
                tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, name)
                {
                    Mode = executable ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100,
                    DataStream = new MemoryStream(content),
                });
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
