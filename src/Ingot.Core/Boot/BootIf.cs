using System.Text.RegularExpressions;
using Ingot.Core.Hardware;

namespace Ingot.Core.Boot;

/// <summary>
/// The <c>BOOTIF=01-aa-bb-cc-dd-ee-ff</c> parameter that Ingot's iPXE script (as PXELINUX's <c>IPAPPEND 2</c> and MAAS's
/// templates) puts on the ephemeral kernel's command line: the MAC the machine network-booted from (the <c>01</c> is the
/// ARP hardware type, Ethernet). MAAS's <c>parse_bootif_cmdline</c> reads it from <c>maas-kernel-cmdline</c>'s output.
/// </summary>
public static partial class BootIf
{
    /// <summary>The MAC of the first <c>BOOTIF</c> parameter in <paramref name="cmdline"/>, or null when there is none.</summary>
    public static MacAddress? Parse(string cmdline) =>
        Pattern().Match(cmdline) is { Success: true } match && MacAddress.TryParse(match.Groups[1].Value, out MacAddress mac) ? mac : null;

    [GeneratedRegex(@"(?:^|\s)BOOTIF=\d\d-([0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5})(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
