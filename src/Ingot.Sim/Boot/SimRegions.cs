using System.Net;

namespace Ingot.Sim.Boot;

/// <summary>
/// Several Ingot regions on one database, as machines behind MAAS's load balancer and DHCP failover
/// see them: each NIC's DHCP goes to a region chosen by its MAC (so the machines spread over the
/// regions) and to the next one while that region does not answer (it counts as down for
/// <see cref="DownFor"/>); an HTTP connection a region refuses is made to another region instead
/// (<see cref="SimHttp"/>), whatever address the URL names. Shared by every machine of a data centre.
/// </summary>
public sealed class SimRegions
{
    /// <summary>How long a region that did not answer DHCP is passed over.</summary>
    public static readonly TimeSpan DownFor = TimeSpan.FromSeconds(30);

    private readonly SimRegion[] _regions;
    private readonly long[] _downUntil;

    public SimRegions(IEnumerable<SimRegion> regions)
    {
        _regions = [.. regions];
        if (_regions.Length == 0)
        {
            throw new ArgumentException("At least one region is needed.", nameof(regions));
        }

        _downUntil = new long[_regions.Length];
    }

    public IReadOnlyList<SimRegion> All => _regions;

    /// <summary>How many times a region was found not answering.</summary>
    public int Failovers => _failovers;

    private int _failovers;

    /// <summary>The region a NIC asks now: the one its MAC falls on, else the next that is not down.</summary>
    public SimRegion For(string mac)
    {
        int first = (int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(mac) % (uint)_regions.Length);
        long now = Environment.TickCount64;
        for (int i = 0; i < _regions.Length; i++)
        {
            int index = (first + i) % _regions.Length;
            if (Volatile.Read(ref _downUntil[index]) <= now)
            {
                return _regions[index];
            }
        }

        return _regions[first];
    }

    /// <summary><paramref name="region"/> did not answer: it is passed over for <see cref="DownFor"/>.</summary>
    public void Unanswered(SimRegion region)
    {
        int index = Array.IndexOf(_regions, region);
        if (index >= 0)
        {
            Volatile.Write(ref _downUntil[index], Environment.TickCount64 + (long)DownFor.TotalMilliseconds);
            Interlocked.Increment(ref _failovers);
        }
    }

    /// <summary>The HTTP addresses to try instead of the region on <paramref name="refusedPort"/>: the others', those not down first.</summary>
    public IEnumerable<IPEndPoint> HttpInsteadOf(int refusedPort)
    {
        long now = Environment.TickCount64;
        return _regions
            .Select((r, i) => (Region: r, Down: Volatile.Read(ref _downUntil[i]) > now))
            .Where(r => r.Region.Http.Port != refusedPort)
            .OrderBy(r => r.Down ? 1 : 0)
            .Select(r => r.Region.Http);
    }
}
