using Ingot.Core.Boot;

namespace Ingot.Boot.HttpBoot;

/// <summary>
/// The ephemeral kernel command line MAAS composes (<c>compose_kernel_command_line</c> in
/// <c>provisioningserver/kernel_opts.py</c>): <c>nomodeset</c>, then the purpose options (read-only
/// squashfs root over HTTP, initramfs networking on the boot interface, tmpfs overlay, the MAAS
/// datasource, the preseed URL, AppArmor off), then the logging options (<c>log_port</c> 5247), then
/// the global <c>kernel_opts</c> (e.g. <c>console=ttyS0,115200</c>) as the operator wrote them.
/// </summary>
public static class KernelCommandLine
{
    public const int LogPort = 5247;

    public static string Compose(BootServer server, BootSelection selection, string preseedUrl, string extraOpts = "") => string.Join(' ', new[]
    {
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
        $"log_port={LogPort}",
        extraOpts.Trim(),
    }.Where(o => o.Length > 0));
}
