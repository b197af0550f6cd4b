using System.Text;

namespace Ingot.Boot.Tftp;

/// <summary>
/// The configs TFTP generates, all of which hand over to HTTP boot on port 5248 at once:
/// <c>boot.ipxe</c>, an iPXE script that chains to <c>/ipxe/boot.ipxe</c> on the TFTP server
/// (<c>${next-server}</c>), and <c>pxelinux.cfg/default</c>, which loads iPXE (<c>ipxe.lkrn</c>) with
/// that script as its initrd, for machines that start in pxelinux.
/// </summary>
public static class TftpConfigs
{
    public const string IpxeScriptName = "boot.ipxe";
    public const string PxelinuxDefaultName = "pxelinux.cfg/default";

    public static string IpxeScript { get; } = IpxeScriptFor(BootServices.HttpPort);

    /// <summary><see cref="IpxeScript"/> for HTTP boot on <paramref name="httpPort"/>.</summary>
    public static string IpxeScriptFor(int httpPort) =>
        "#!ipxe\n" +
        "# Ingot: continue over HTTP (MAAS's port 5248 unless configured otherwise).\n" +
        "isset ${next-server} || dhcp\n" +
        $"chain http://${{next-server}}:{httpPort}/ipxe/boot.ipxe\n";

    public static string PxelinuxDefault { get; } =
        "DEFAULT ipxe\n" +
        "LABEL ipxe\n" +
        "  KERNEL ipxe.lkrn\n" +
        $"  INITRD {IpxeScriptName}\n";

    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> All { get; } = For(BootServices.HttpPort);

    /// <summary>The generated configs for HTTP boot on <paramref name="httpPort"/>.</summary>
    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> For(int httpPort) => new Dictionary<string, ReadOnlyMemory<byte>>
    {
        [IpxeScriptName] = Encoding.ASCII.GetBytes(IpxeScriptFor(httpPort)),
        [PxelinuxDefaultName] = Encoding.ASCII.GetBytes(PxelinuxDefault),
    };

    /// <summary>The TFTP allow-list of this host: the first-stage files found and the generated configs.</summary>
    public static TftpFiles Standard(int httpPort = BootServices.HttpPort) => new(FirstStageFiles.Locate(), For(httpPort));
}
