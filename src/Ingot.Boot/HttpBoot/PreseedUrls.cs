using Ingot.Core.Boot;

namespace Ingot.Boot.HttpBoot;

/// <summary>
/// The <c>cloud-config-url=</c> the kernel command line carries (<c>compose_enlistment_preseed_url</c>,
/// <c>compose_preseed_url</c> in <c>maasserver/preseed.py</c>).
/// </summary>
public static class PreseedUrls
{
    public static string Enlist(BootServer server) =>
        $"{server.BaseUrl}/MAAS/metadata/latest/enlist-preseed/?op=get_enlist_preseed";

    public static string ForMachine(BootServer server, string systemId) =>
        $"{server.BaseUrl}/MAAS/metadata/latest/by-id/{systemId}/?op=get_preseed";

    public static string For(BootServer server, BootSelection selection) =>
        selection.SystemId is { } systemId ? ForMachine(server, systemId) : Enlist(server);
}
