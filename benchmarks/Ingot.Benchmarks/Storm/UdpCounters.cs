using System.Globalization;

namespace Ingot.Benchmarks.Storm;

/// <summary>
/// The kernel's UDP counters from <c>/proc/net/snmp</c> (whole host, so other processes' traffic
/// counts too): datagrams dropped for a full receive buffer, and datagrams to a port nobody listens
/// on (an answer that came after its client closed its socket).
/// </summary>
internal readonly record struct UdpCounters(long ReceiveBufferErrors, long NoPorts)
{
    public static UdpCounters Read()
    {
        if (!File.Exists("/proc/net/snmp"))
        {
            return default;
        }

        string[][] udp = [.. File.ReadAllLines("/proc/net/snmp").Where(l => l.StartsWith("Udp: ", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        if (udp.Length < 2)
        {
            return default;
        }

        long Field(string name) => Array.IndexOf(udp[0], name) is int i and > 0 ? long.Parse(udp[1][i], CultureInfo.InvariantCulture) : 0;
        return new UdpCounters(Field("RcvbufErrors"), Field("NoPorts"));
    }

    public static UdpCounters operator -(UdpCounters a, UdpCounters b) => new(a.ReceiveBufferErrors - b.ReceiveBufferErrors, a.NoPorts - b.NoPorts);

    public override string ToString() => $"receive-buffer drops {ReceiveBufferErrors:N0}, to closed ports {NoPorts:N0}";
}
