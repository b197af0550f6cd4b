using System.Net;

namespace Ingot.Core.Boot;

/// <summary>An inclusive range of IPv4 addresses (MAAS's IP range: <c>start_ip</c> to <c>end_ip</c>).</summary>
public readonly record struct AddressRange(IPAddress Start, IPAddress End);
