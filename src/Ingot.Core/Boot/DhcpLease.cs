using System.Net;
using Ingot.Core.Hardware;

namespace Ingot.Core.Boot;

/// <summary>A DHCP lease as stored: who holds which address until when.</summary>
public sealed record DhcpLease(
    MacAddress Mac,
    IPAddress Address,
    DateTimeOffset Starts,
    DateTimeOffset Ends,
    string Hostname,
    string ClientId);
