using System.Net;
using System.Text;

namespace Ingot.Boot.Dhcp;

/// <summary>
/// What a network-booting client is told to load, and the options that say so:
/// <list type="bullet">
/// <item>iPXE (option 175 or user class "iPXE"): the HTTP URL of its boot script, and option
/// 175.176 (<c>no-pxedhcp</c>) = 1 so that it does not wait about 3 s for ProxyDHCP offers.</item>
/// <item>UEFI HTTP boot (vendor class "HTTPClient"): the first-stage file's HTTP URL, option 60 echoed.</item>
/// <item>A PXE ROM (vendor class "PXEClient"): the first-stage file by option 93, with option 60
/// "PXEClient" and option 43 sub-option 6 (PXE_DISCOVERY_CONTROL) = 8, "boot the file named in this
/// offer, no boot server discovery".</item>
/// </list>
/// <c>siaddr</c> and option 66 name the serving address, option 67 and <c>file</c> the file.
/// Clients that are none of these (a plain udhcpc) get no boot file.
/// </summary>
public sealed record PxeBoot(string File, IReadOnlyList<DhcpOption> Options)
{
    public static PxeBoot? For(DhcpPacket request, IPAddress server, DhcpBootSettings settings)
    {
        if (request.IsIpxe)
        {
            string script = BootUrls.Script(server, settings.HttpPort);
            return new PxeBoot(script, [
                Ascii(DhcpOptionCode.TftpServerName, server.ToString()),
                Ascii(DhcpOptionCode.BootFileName, script),
                new DhcpOption(DhcpOptionCode.Ipxe, [DhcpOptionCode.IpxeNoPxeDhcp, 1, 1]),
            ]);
        }

        if (!request.IsPxeClient && !request.IsHttpClient && request.ClientArchitecture is null)
        {
            return null;
        }

        string? firstStage = ClientArchitecture.FirstStage(request.ClientArchitecture, settings);
        if (firstStage is null)
        {
            return null;
        }

        if (request.IsHttpClient)
        {
            string url = BootUrls.FirstStage(server, settings.HttpPort, firstStage);
            return new PxeBoot(url, [Ascii(DhcpOptionCode.VendorClass, "HTTPClient"), Ascii(DhcpOptionCode.BootFileName, url)]);
        }

        var options = new List<DhcpOption>
        {
            Ascii(DhcpOptionCode.TftpServerName, server.ToString()),
            Ascii(DhcpOptionCode.BootFileName, firstStage),
        };
        if (request.IsPxeClient)
        {
            options.Add(Ascii(DhcpOptionCode.VendorClass, "PXEClient"));
            options.Add(new DhcpOption(DhcpOptionCode.VendorSpecific, [6, 1, 8, DhcpOptionCode.End]));
        }

        return new PxeBoot(firstStage, options);
    }

    private static DhcpOption Ascii(byte code, string text) => new(code, Encoding.ASCII.GetBytes(text));
}
