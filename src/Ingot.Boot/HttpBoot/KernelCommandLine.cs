using Ingot.Core.Boot;

namespace Ingot.Boot.HttpBoot;

/// <summary>
/// The ephemeral kernel command line MAAS composes (<c>compose_kernel_command_line</c> in
/// <c>provisioningserver/kernel_opts.py</c>): <c>nomodeset</c>, then the purpose options (read-only
/// squashfs root over HTTP, initramfs networking on the boot interface, tmpfs overlay, the MAAS
/// datasource, the preseed URL, AppArmor off), then the logging options (<c>log_port</c> 5247), then,
/// when the machine has extra kernel options, curtin's separator <c>---</c> and those options (so that
/// an installed system keeps them). The extra options are MAAS's effective ones: those of the
/// machine's first tag that has some, else the global <c>kernel_opts</c> setting. A deployment to memory of an
/// image with a root tarball adds <see cref="MemoryRootOption"/> after the logging options.
/// </summary>
public static class KernelCommandLine
{
    public const int LogPort = 5247;

    /// <summary>curtin's <c>KERNEL_CMDLINE_COPY_TO_INSTALL_SEP</c>: what follows it is copied to the installed system.</summary>
    public const string ExtraOptionsSeparator = "---";

    /// <summary>
    /// Ingot's own option (MAAS has no such one): the root tarball a deployment to memory runs
    /// (<see cref="BootSelection.MemoryRootUrl"/>), read by Ingot's ephemeral image (<c>scripts/ephemeral/init</c>).
    /// </summary>
    public const string MemoryRootOption = "ingot_memory_root";

    public static string Compose(BootServer server, BootSelection selection, string preseedUrl, string globalKernelOpts = "")
    {
        string line = Ephemeral(server, selection, preseedUrl);
        string extra = Collapse(selection.KernelOpts);
        if (extra.Length == 0)
        {
            extra = Collapse(globalKernelOpts);
        }

        return extra.Length > 0 ? $"{line} {ExtraOptionsSeparator} {extra}" : line;
    }

    // Whitespace (line breaks included) collapses to single spaces: the line sits in an iPXE script.
    private static string Collapse(string options) => string.Join(' ', options.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Ephemeral(BootServer server, BootSelection selection, string preseedUrl) =>
        selection.MemoryRootUrl.Length > 0
            ? $"{MaasOptions(server, selection, preseedUrl)} {MemoryRootOption}={selection.MemoryRootUrl}"
            : MaasOptions(server, selection, preseedUrl);

    private static string MaasOptions(BootServer server, BootSelection selection, string preseedUrl) => string.Join(' ',
        "nomodeset",
        "ro",
        $"root=squash:{BootImagePaths.Url(server, selection, "squashfs")}",
        server.IsIPv6 ? "ip=off" : $"ip=::::{selection.Hostname}:BOOTIF",
        server.IsIPv6 ? "ip6=dhcp" : "ip6=off",
        "overlayroot=tmpfs",
        "overlayroot_cfgdisk=disabled",
        "cc:{'datasource_list': ['MAAS']}end_cc",
        $"cloud-config-url={preseedUrl}",
        "apparmor=0",
        $"log_host={server.Address}",
        $"log_port={LogPort}");
}
