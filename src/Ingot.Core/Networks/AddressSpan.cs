using System.Net;
using System.Net.Sockets;

namespace Ingot.Core.Networks;

/// <summary>An inclusive run of addresses of one subnet, with what it is used for (MAAS's <c>MAASIPRange</c> purposes).</summary>
public sealed record AddressSpan(UInt128 First, UInt128 Last, AddressFamily Family, IReadOnlyList<string> Purposes)
{
    public IPAddress Start => IpNumbers.FromNumber(First, Family);

    public IPAddress End => IpNumbers.FromNumber(Last, Family);

    public UInt128 Size => Last - First + 1;
}
