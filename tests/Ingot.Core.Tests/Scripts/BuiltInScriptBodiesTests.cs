using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using Ingot.Core.Inventory;
using Ingot.Core.Scripts;
using Ingot.Core.Tags;

namespace Ingot.Core.Tests.Scripts;

/// <summary>
/// The built-in scripts' bodies run on this host with /bin/sh (and with busybox, as in the ephemeral
/// image, when it is installed) and their output is what Ingot's parsers accept: the commissioning
/// document carries this host's CPUs and NICs, the lshw XML matches a tag definition, and the bounded
/// tests pass with small parameters.
/// </summary>
public sealed class BuiltInScriptBodiesTests
{
    public static TheoryData<string> Shells => new(["/bin/sh", "/bin/busybox"]);

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task The_commissioning_script_prints_a_document_the_inventory_parser_accepts_with_this_hosts_cpus_and_nics(string shell)
    {
        (int exit, string stdout, string stderr) = await RunAsync(shell, "50-maas-01-commissioning");
        Assert.True(exit == 0, stderr);

        InventoryParseResult parsed = InventoryParser.Parse(Encoding.UTF8.GetBytes(stdout));

        Assert.True(parsed.Succeeded, parsed.Message);
        MachineInventory inventory = parsed.Inventory!;
        Assert.Equal(Directory.GetDirectories("/sys/devices/system/cpu", "cpu*").Count(d => char.IsAsciiDigit(d[^1])), inventory.CpuCount);
        Assert.True(inventory.Memory > 0, "memory");
        Assert.False(string.IsNullOrEmpty(inventory.Architecture), "architecture");
        string[] macs = [.. Directory.GetDirectories("/sys/class/net")
            .Where(d => Directory.Exists(Path.Combine(d, "device")))
            .Select(d => File.ReadAllText(Path.Combine(d, "address")).Trim())];
        Assert.Equal(macs.Order(), inventory.Interfaces.Select(i => i.MacAddress.ToString()).Order());
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task The_lshw_script_prints_xml_that_a_processor_tag_definition_matches(string shell)
    {
        (int exit, string stdout, string stderr) = await RunAsync(shell, "maas-lshw");
        Assert.True(exit == 0, stderr);

        Assert.Equal("node", XDocument.Parse(stdout).Root!.Name.LocalName);
        var details = new HardwareDetails(Encoding.UTF8.GetBytes(stdout), null);
        Assert.True(TagDefinition.Compile("//node[@class=\"processor\"]").Matches(HardwareDetailsDocument.Merge(details)));
        Assert.False(TagDefinition.Compile("//node[@class=\"no-such-class\"]").Matches(HardwareDetailsDocument.Merge(details)));
    }

    /// <summary>
    /// A diskless machine (MAAS deploys them to memory): with no entry in /sys/block (an empty tmpfs over it, in a mount namespace
    /// of the script's own) the commissioning document has no disk and the lshw XML no disk node; the glob used to stay as written,
    /// so the document had a disk named "*" and lshw failed on its size (exit 2, seen in a UEFI VM with no disk).
    /// </summary>
    [Theory]
    [MemberData(nameof(Shells))]
    public async Task On_a_machine_without_block_devices_the_commissioning_document_and_the_lshw_xml_have_no_disk(string shell)
    {
        (int exit, string stdout, string stderr) = await RunAsync(shell, "50-maas-01-commissioning", noBlockDevices: true);
        Assert.True(exit == 0, stderr);
        InventoryParseResult parsed = InventoryParser.Parse(Encoding.UTF8.GetBytes(stdout));
        Assert.True(parsed.Succeeded, parsed.Message);
        Assert.Empty(parsed.Inventory!.Disks);
        Assert.NotEmpty(parsed.Inventory.Interfaces);

        (exit, stdout, stderr) = await RunAsync(shell, "maas-lshw", noBlockDevices: true);
        Assert.True(exit == 0, stderr);
        XDocument xml = XDocument.Parse(stdout);
        Assert.DoesNotContain(xml.Descendants("node"), n => (string?)n.Attribute("class") == "disk");
        Assert.Contains(xml.Descendants("node"), n => (string?)n.Attribute("class") == "processor");
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task The_memory_test_of_a_bounded_size_passes(string shell)
    {
        (int exit, string stdout, string stderr) = await RunAsync(shell, "memtester", "--size=4M");

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("passed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_memory_test_refuses_a_size_it_cannot_read()
    {
        (int exit, string stdout, _) = await RunAsync("/bin/sh", "memtester", "--size=lots");

        Assert.NotEqual(0, exit);
        Assert.Contains("bad size", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_built_in_script_has_a_body_that_starts_with_a_shebang()
    {
        Assert.All(BuiltInScripts.All, s => Assert.StartsWith("#!/bin/sh", s.Body, StringComparison.Ordinal));
        Assert.Contains(BuiltInScripts.All, s => s.Name == "network-link-check" && s.HardwareType == 4);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task The_lldp_capture_says_lldpd_is_not_installed_prints_nothing_and_passes_where_it_is_absent(string shell)
    {
        if (!File.Exists(shell))
        {
            Assert.Skip($"{shell} is absent (busybox-static from scripts/install-test-packages.sh)");
        }

        DirectoryInfo empty = Directory.CreateTempSubdirectory("ingot-no-lldpd-");
        string path = Path.Combine(empty.FullName, "maas-capture-lldpd");
        await File.WriteAllTextAsync(path, BuiltInScripts.Find("maas-capture-lldpd")!.Body, TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(shell) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["PATH"] = empty.FullName; // no lldpd on PATH, whatever this host has installed
            if (shell.EndsWith("busybox", StringComparison.Ordinal))
            {
                start.ArgumentList.Add("sh");
            }

            start.ArgumentList.Add(path);
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            string stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", await stdout);
            Assert.Contains("lldpd and lldpcli are not installed in this environment", stderr, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(string shell, string script, params string[] args) =>
        RunAsync(shell, script, noBlockDevices: false, args);

    /// <summary>
    /// Runs a built-in script's body with <paramref name="shell"/>; with <paramref name="noBlockDevices"/>, in a mount namespace
    /// of its own (util-linux's unshare, root only) whose /sys/block is an empty tmpfs.
    /// </summary>
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string shell, string script, bool noBlockDevices, params string[] args)
    {
        if (!File.Exists(shell))
        {
            Assert.Skip($"{shell} is absent (busybox-static from scripts/install-test-packages.sh)");
        }

        if (noBlockDevices && Environment.UserName != "root")
        {
            Assert.Skip("hiding /sys/block needs root (a mount namespace with a tmpfs over it)");
        }

        string path = Path.Combine(Path.GetTempPath(), $"ingot-builtin-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(path, BuiltInScripts.Find(script)!.Body, TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(noBlockDevices ? "unshare" : shell) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (noBlockDevices)
            {
                foreach (string arg in (string[])["-m", "sh", "-c", "mount --make-rprivate / && mount -t tmpfs tmpfs /sys/block && exec \"$@\"", "unshare", shell])
                {
                    start.ArgumentList.Add(arg);
                }
            }

            if (shell.EndsWith("busybox", StringComparison.Ordinal))
            {
                start.ArgumentList.Add("sh");
            }

            start.ArgumentList.Add(path);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            bound.CancelAfter(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(bound.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
