using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ingot.Boot.Dhcp;
using Ingot.Boot.Tests.Dhcp;
using Ingot.Boot.Tftp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingot.Boot.Tests.Tftp;

/// <summary>
/// The BIOS PXE path up to the first stage, with Debian's real files: a plain PXE ROM's DISCOVER
/// (option 93 = 0, vendor class <c>PXEClient</c>) is answered with the BIOS loader, and tftp-hpa fetches
/// that very name from Ingot's TFTP, byte for byte Debian's file — <c>undionly.kpxe</c> by default, or
/// MAAS's <c>lpxelinux.0</c> with the files pxelinux asks for next. No VM boots this path: this host has no
/// plain-PXE BIOS ROM (qemu's NIC ROMs are iPXE, SeaBIOS has no PXE client; docs/boot-notes.md).
/// </summary>
public sealed class BiosFirstStageTests : IAsyncLifetime
{
    private readonly string _out = Directory.CreateTempSubdirectory("ingot-tftp-bios-").FullName;
    private TftpListener _listener = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _listener = new TftpListener(new IPEndPoint(IPAddress.Loopback, 0), TftpConfigs.Standard(), TftpLimits.Default, TimeProvider.System, NullLogger<TftpListener>.Instance);
        _listener.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task A_bios_pxe_rom_is_told_undionly_kpxe_and_tftp_hpa_fetches_debians_file()
    {
        string file = BootFile(DhcpBootSettings.Default);

        byte[] fetched = await FetchAsync(file);

        Assert.Equal("undionly.kpxe", file);
        Assert.Equal(Sha256(File.ReadAllBytes(Debian(file))), Sha256(fetched));
    }

    [Fact]
    public async Task With_maas_lpxelinux_a_bios_pxe_rom_gets_lpxelinux_and_the_files_pxelinux_asks_for_next()
    {
        string file = BootFile(new DhcpBootSettings { BiosLoader = "lpxelinux.0" });

        byte[] loader = await FetchAsync(file);
        byte[] ldlinux = await FetchAsync("ldlinux.c32");
        string config = Encoding.ASCII.GetString(await FetchAsync("pxelinux.cfg/default"));
        byte[] ipxe = await FetchAsync("ipxe.lkrn");
        string script = Encoding.ASCII.GetString(await FetchAsync("boot.ipxe"));

        Assert.Equal("lpxelinux.0", file);
        Assert.Equal(Sha256(File.ReadAllBytes(Debian(file))), Sha256(loader));
        Assert.Equal(Sha256(File.ReadAllBytes(Debian("ldlinux.c32"))), Sha256(ldlinux));
        Assert.Equal(Sha256(File.ReadAllBytes(Debian("ipxe.lkrn"))), Sha256(ipxe));
        Assert.Contains("KERNEL ipxe.lkrn", config, StringComparison.Ordinal);
        Assert.Contains("INITRD boot.ipxe", config, StringComparison.Ordinal);
        Assert.Contains("chain http://${next-server}:5248/ipxe/boot.ipxe", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pxelinux_per_mac_config_names_are_not_found_so_pxelinux_falls_back_to_default()
    {
        string target = Path.Combine(_out, "per-mac");

        (int exit, string output) = await ExternalProcess.RunAsync(Tool("tftp"), ["-v", "127.0.0.1", Port, "-m", "binary", "-c", "get", "pxelinux.cfg/01-52-54-00-aa-00-01", target], Ct);

        Assert.Contains("File not found", output, StringComparison.OrdinalIgnoreCase);
        Assert.True(exit != 0 || !File.Exists(target) || new FileInfo(target).Length == 0, output);
    }

    private string Port => _listener.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The boot file Ingot's DHCP names for a BIOS PXE ROM's DISCOVER (SeaBIOS + a PXE option ROM sends these).</summary>
    private static string BootFile(DhcpBootSettings settings)
    {
        DhcpPacket discover = DhcpScenario.Request(
            DhcpScenario.Mac(1),
            DhcpMessageType.Discover,
            new DhcpOption(DhcpOptionCode.ClientArchitecture, [0, 0]),
            new DhcpOption(DhcpOptionCode.VendorClass, Encoding.ASCII.GetBytes("PXEClient:Arch:00000:UNDI:002001")));
        var scenario = new DhcpScenario();
        DhcpAnswer answer = new DhcpResponder(settings).Respond(discover, scenario.Link, scenario.Config, scenario.Leases, scenario.Time.GetUtcNow());
        DhcpPacket offer = answer.Reply ?? throw new InvalidOperationException($"no offer: {answer.Reason}");
        Assert.Equal(DhcpScenario.Server, offer.ServerAddress);
        return offer.BootFile;
    }

    private async Task<byte[]> FetchAsync(string name)
    {
        string target = Path.Combine(_out, name.Replace('/', '_'));
        (int exit, string output) = await ExternalProcess.RunAsync(Tool("tftp"), ["-v", "127.0.0.1", Port, "-m", "binary", "-c", "get", name, target], Ct);
        Assert.True(exit == 0 && File.Exists(target), $"tftp-hpa get {name}: {output}");
        return File.ReadAllBytes(target);
    }

    private static string Debian(string name) =>
        FirstStageFiles.Candidates[name].FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is not installed (Debian's ipxe, pxelinux and syslinux-common: scripts/install-test-packages.sh)");

    private static string Tool(string name) =>
        ExternalProcess.Find(name) ?? throw new InvalidOperationException($"{name} is not installed (scripts/install-test-packages.sh installs it)");

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
