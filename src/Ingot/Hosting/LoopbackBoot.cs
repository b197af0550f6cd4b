using System.Globalization;
using Ingot.Boot.Dhcp;
using Ingot.CommandLine;

namespace Ingot.Hosting;

/// <summary>
/// <c>serve --loopback-boot DHCP_PORT,TFTP_PORT</c>: DHCP for relayed requests and TFTP on 127.0.0.1,
/// which simulated machines reach through a loopback relay address without root.
/// </summary>
public static class LoopbackBoot
{
    public static DhcpServerSettings Apply(DhcpServerSettings settings, string? value, CommandSpec spec)
    {
        if (value is null)
        {
            return settings;
        }

        string[] parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryPort(parts[0], out int dhcp) || !TryPort(parts[1], out int tftp))
        {
            throw new UsageException($"ingot serve: --loopback-boot '{value}' is not DHCP_PORT,TFTP_PORT (two UDP ports, 1-65535)", spec);
        }

        return settings with { LoopbackRelayPort = dhcp, LoopbackTftpPort = tftp };
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;
}
