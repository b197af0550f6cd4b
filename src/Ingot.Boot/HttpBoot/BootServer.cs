using System.Globalization;
using System.Net;

namespace Ingot.Boot.HttpBoot;

/// <summary>
/// The address and port a machine reached the boot server on (MAAS's <c>fs_host</c>: the rack address
/// the machine talks to), as URLs and kernel parameters write it: IPv6 in brackets.
/// </summary>
public sealed record BootServer(IPAddress Address, int Port)
{
    public bool IsIPv6 => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    /// <summary>The host part of a URL: <c>10.0.0.1</c> or <c>[fd00::1]</c>.</summary>
    public string Host => IsIPv6 ? $"[{Address}]" : Address.ToString();

    /// <summary><c>http://host:port</c>, no trailing slash.</summary>
    public string BaseUrl => string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{Port}");

    /// <summary>The local end of a connection; an IPv4 address mapped into IPv6 is written as IPv4.</summary>
    public static BootServer From(IPAddress? local, int port)
    {
        IPAddress address = local ?? IPAddress.Loopback;
        return new BootServer(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, port);
    }
}
