using System.Net;
using System.Net.Sockets;

namespace Ingot.Core.Networks;

/// <summary>
/// IPAM over one subnet (MAAS's <c>Subnet.get_ipranges_in_use</c> and friends): which addresses are
/// taken — IP ranges, the gateway, DNS servers inside the subnet, allocated addresses and addresses
/// machines' links hold — which runs are free, the next free address and the statistics the API
/// shows. IPv4's network and broadcast addresses and IPv6's subnet-router anycast address (the network
/// address) are never usable (except in /31, /32, /127 and /128).
/// </summary>
public sealed class SubnetUsage
{
    private readonly List<AddressSpan> _used;

    public SubnetUsage(NetworkModel model, Subnet subnet, IEnumerable<string> linkAddresses)
    {
        Subnet = subnet;
        IPNetwork network = subnet.Network;
        Family = network.BaseAddress.AddressFamily;
        (UInt128 first, UInt128 last) = IpNumbers.Bounds(network);
        if (Family == AddressFamily.InterNetwork && network.PrefixLength < 31)
        {
            first++;
            last--;
        }
        else if (Family == AddressFamily.InterNetworkV6 && network.PrefixLength < 127)
        {
            first++;
        }

        First = first;
        Last = last;
        var used = new List<AddressSpan>();
        foreach (IpRange range in model.RangesOf(subnet.Id))
        {
            used.Add(new AddressSpan(IpNumbers.ToNumber(IPAddress.Parse(range.StartIp)), IpNumbers.ToNumber(IPAddress.Parse(range.EndIp)), Family, [range.TypeName]));
        }

        AddAddress(used, subnet.GatewayIp, "gateway-ip");
        foreach (string dns in subnet.DnsServers)
        {
            AddAddress(used, dns, "dns-server");
        }

        foreach (StaticIpAddress address in model.AddressesIn(subnet.Id))
        {
            AddAddress(used, address.Ip, "assigned-ip");
        }

        foreach (string address in linkAddresses)
        {
            AddAddress(used, address, "assigned-ip");
        }

        _used = used;
    }

    public Subnet Subnet { get; }

    public AddressFamily Family { get; }

    /// <summary>The first usable address.</summary>
    public UInt128 First { get; }

    /// <summary>The last usable address.</summary>
    public UInt128 Last { get; }

    public UInt128 Total => Last >= First ? Last - First + 1 : 0;

    /// <summary>Every taken run, merged where runs touch, with the purposes of what they merge.</summary>
    public IReadOnlyList<AddressSpan> Reserved() => Merge(_used);

    /// <summary>The free runs between <see cref="First"/> and <see cref="Last"/>.</summary>
    public IReadOnlyList<AddressSpan> Unreserved() => FreeRuns(_used);

    /// <summary>The runs free of IP ranges only (what a new reserved range may use: MAAS lets it cover allocated addresses).</summary>
    public IReadOnlyList<AddressSpan> FreeOfRanges() => FreeRuns(_used.Where(u => u.Purposes[0] is "dynamic" or "reserved"));

    /// <summary>
    /// Whether <paramref name="address"/> is usable and not taken. A reserved range keeps addresses out of
    /// automatic allocation only: with <paramref name="requested"/> an address in one is free (as in MAAS).
    /// </summary>
    public bool IsFree(IPAddress address, bool requested = false)
    {
        UInt128 n = IpNumbers.ToNumber(address);
        return n >= First && n <= Last && !_used.Any(u => n >= u.First && n <= u.Last && !(requested && u.Purposes[0] == "reserved"));
    }

    /// <summary>The lowest free address, or null when the subnet is exhausted.</summary>
    public IPAddress? NextFree() => Unreserved() is [var run, ..] ? run.Start : null;

    public UInt128 Available => Unreserved().Aggregate(UInt128.Zero, (sum, run) => sum + run.Size);

    private void AddAddress(List<AddressSpan> used, string? text, string purpose)
    {
        if (IpNumbers.Parse(text) is { } ip && Subnet.Network.Contains(ip))
        {
            UInt128 n = IpNumbers.ToNumber(ip);
            used.Add(new AddressSpan(n, n, Family, [purpose]));
        }
    }

    private static List<AddressSpan> Merge(IEnumerable<AddressSpan> spans)
    {
        var merged = new List<AddressSpan>();
        foreach (AddressSpan span in spans.OrderBy(s => s.First))
        {
            if (merged.Count > 0 && merged[^1] is var last && span.First <= last.Last + 1 && last.Last != UInt128.MaxValue)
            {
                merged[^1] = last with
                {
                    Last = UInt128.Max(last.Last, span.Last),
                    Purposes = [.. last.Purposes.Union(span.Purposes)],
                };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private List<AddressSpan> FreeRuns(IEnumerable<AddressSpan> taken)
    {
        var free = new List<AddressSpan>();
        if (Last < First)
        {
            return free;
        }

        UInt128 next = First;
        bool done = false;
        foreach (AddressSpan span in Merge(taken))
        {
            if (span.Last < next)
            {
                continue;
            }

            if (span.First > Last)
            {
                break;
            }

            if (span.First > next)
            {
                free.Add(new AddressSpan(next, span.First - 1, Family, ["unused"]));
            }

            if (span.Last >= Last)
            {
                done = true;
                break;
            }

            next = span.Last + 1;
        }

        if (!done)
        {
            free.Add(new AddressSpan(next, Last, Family, ["unused"]));
        }

        return free;
    }
}
