using System.Security.Cryptography;
using System.Text;

namespace Ingot.Wire.Machines;

public sealed partial class MachineJsonContext
{
    /// <summary>
    /// A digest of everything this context contributes to a machine's JSON except the latest events
    /// (zones, pools, domains, VLANs, the default VLAN, subnets: their rendered bytes and their
    /// values), so that a machine rendered under one context may be reused under another with the
    /// same fingerprint. Hex SHA-256; computed once per context.
    /// </summary>
    public string Fingerprint => _fingerprint ??= ComputeFingerprint();

    private string? _fingerprint;

    private string ComputeFingerprint()
    {
        Fragments f = Rendered;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        void AddAll<TKey>(IEnumerable<KeyValuePair<TKey, byte[]>> parts)
            where TKey : notnull
        {
            foreach (var part in parts.OrderBy(p => p.Key))
            {
                Add(part.Key.ToString() ?? "");
                hash.AppendData(part.Value);
            }
        }

        AddAll(f.Zones);
        AddAll(f.Pools);
        AddAll(f.Domains);
        AddAll(f.VlanJson);
        AddAll(f.SubnetJson);
        hash.AppendData(f.DefaultVlanJson);
        foreach (var zone in f.ZoneInfos.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(zone.Value.ToString());
        }

        foreach (var domain in f.DomainInfos.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(domain.Value.ToString());
        }

        foreach (var vlan in f.Vlans.OrderBy(p => p.Key))
        {
            Add(vlan.Value.ToString());
        }

        foreach (var subnet in f.Subnets.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(subnet.Value.ToString());
        }

        Add(DefaultVlan.ToString());
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
