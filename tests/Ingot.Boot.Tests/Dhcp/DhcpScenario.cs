using System.Net;
using Ingot.Boot.Dhcp;
using Ingot.Core.Boot;
using Ingot.Core.Hardware;

namespace Ingot.Boot.Tests.Dhcp;

/// <summary>
/// A served link for responder tests: 10.0.0.0/24 on eth0 (10.0.0.1), dynamic range .100–.110 with
/// .102–.103 reserved, a fixed host, and a relayed subnet 10.9.0.0/24; requests made as clients make them.
/// </summary>
internal sealed class DhcpScenario
{
    public static readonly IPAddress Server = IPAddress.Parse("10.0.0.1");
    public static readonly MacAddress FixedMac = MacAddress.Parse("52:54:00:00:00:99");
    public static readonly IPAddress FixedAddress = IPAddress.Parse("10.0.0.50");

    public DhcpInterface Link { get; } = new("eth0", Server, IPNetwork.Parse("10.0.0.0/24"));

    public DhcpConfiguration Config { get; set; } = new(
        [
            new DhcpSubnet(
                IPNetwork.Parse("10.0.0.0/24"), Server, [IPAddress.Parse("10.0.0.2")], "maas",
                [new AddressRange(IPAddress.Parse("10.0.0.100"), IPAddress.Parse("10.0.0.110"))],
                [new AddressRange(IPAddress.Parse("10.0.0.102"), IPAddress.Parse("10.0.0.103"))],
                TimeSpan.FromHours(1)),
            new DhcpSubnet(
                IPNetwork.Parse("10.9.0.0/24"), IPAddress.Parse("10.9.0.1"), [], "",
                [new AddressRange(IPAddress.Parse("10.9.0.10"), IPAddress.Parse("10.9.0.20"))], [],
                TimeSpan.FromMinutes(10)),
        ],
        [new DhcpHost(FixedMac, FixedAddress, "fixed-node")]);

    public DhcpLeaseTable Leases { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    public DhcpResponder Responder { get; } = new(DhcpBootSettings.Default);

    public static MacAddress Mac(int n) => MacAddress.Parse($"52:54:00:aa:00:{n:x2}");

    public static DhcpPacket Request(MacAddress mac, DhcpMessageType type, params DhcpOption[] options) => new()
    {
        TransactionId = 0x1234,
        ClientHardwareAddress = [.. Convert.FromHexString(mac.ToString().Replace(":", "", StringComparison.Ordinal)), .. new byte[10]],
        Options = [new DhcpOption(DhcpOptionCode.MessageType, [(byte)type]), .. options],
    };

    public static DhcpOption Requested(string address) => new(DhcpOptionCode.RequestedAddress, IPAddress.Parse(address).GetAddressBytes());

    public static DhcpOption ServerId(IPAddress address) => new(DhcpOptionCode.ServerIdentifier, address.GetAddressBytes());

    /// <summary>Answers and applies the lease change, as the server does.</summary>
    public DhcpAnswer Send(DhcpPacket request)
    {
        DhcpAnswer answer = Responder.Respond(request, Link, Config, Leases, Time.GetUtcNow());
        if (answer.Change is { } change)
        {
            Leases.Apply(change);
        }

        return answer;
    }

    /// <summary>DISCOVER then REQUEST (SELECTING) for the offered address; returns the ACK.</summary>
    public DhcpPacket Lease(MacAddress mac)
    {
        DhcpPacket offer = Send(Request(mac, DhcpMessageType.Discover)).Reply!;
        return Send(Request(mac, DhcpMessageType.Request, Requested(offer.YourAddress.ToString()), ServerId(Server))).Reply!;
    }
}
