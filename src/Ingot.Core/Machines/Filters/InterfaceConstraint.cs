using System.Globalization;
using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;

namespace Ingot.Core.Machines.Filters;

/// <summary>
/// MAAS's <c>interfaces</c> constraint, <c>label:key=value[,key=value];label2:…</c>: each label
/// needs its own interface meeting every key. Ingot models interface id, name, type, mode,
/// subnet_cidr, ip and link_speed (minimum); keys about fabrics, spaces and VLANs (which Ingot
/// does not model yet) are met by no interface, and their <c>not_</c> forms by every interface.
/// </summary>
public sealed record InterfaceConstraint(IReadOnlyList<InterfaceConstraint.Entry> Entries)
{
    private static readonly HashSet<string> s_keys =
        ["id", "fabric", "fabric_class", "ip", "mode", "name", "hostname", "subnet", "space", "subnet_cidr", "type", "vlan", "vid", "tag", "link_speed"];

    public sealed record Entry(string Label, IReadOnlyList<(string Key, string Value)> Conditions);

    public static InterfaceConstraint Parse(string text)
    {
        var entries = new List<Entry>();
        foreach (string raw in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = raw.IndexOf(':', StringComparison.Ordinal);
            string label = colon > 0 ? raw[..colon] : Fail(raw);
            var conditions = new List<(string, string)>();
            foreach (string pair in raw[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                string key = eq > 0 ? pair[..eq] : Fail(raw);
                if (!s_keys.Contains(key.StartsWith("not_", StringComparison.Ordinal) ? key[4..] : key))
                {
                    Fail(raw);
                }

                conditions.Add((key, pair[(eq + 1)..]));
            }

            if (conditions.Count == 0)
            {
                throw Error(raw);
            }

            entries.Add(new Entry(label, conditions));
        }

        return entries.Count > 0 ? new InterfaceConstraint(entries) : throw Error(text);
    }

    /// <summary>Maps each label to a distinct interface, or returns null when the machine cannot meet it.</summary>
    public IReadOnlyDictionary<string, NetworkInterface>? Match(Machine machine)
    {
        var used = new HashSet<NetworkInterface>();
        var mapping = new Dictionary<string, NetworkInterface>();
        foreach (Entry entry in Entries)
        {
            NetworkInterface? nic = machine.Interfaces.FirstOrDefault(i => !used.Contains(i) && entry.Conditions.All(c => Meets(i, c.Key, c.Value)));
            if (nic is null)
            {
                return null;
            }

            used.Add(nic);
            mapping[entry.Label] = nic;
        }

        return mapping;
    }

    private static bool Meets(NetworkInterface nic, string key, string value) => key.StartsWith("not_", StringComparison.Ordinal)
        ? !Meets(nic, key[4..], value)
        : key switch
        {
            "id" => nic.Id.ToString(CultureInfo.InvariantCulture) == value,
            "name" => nic.Name == value,
            "type" => nic.Type.ToString().Equals(value, StringComparison.OrdinalIgnoreCase),
            "mode" => nic.Links.Any(l => l.Mode.ToString().Equals(value.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)),
            "subnet_cidr" => nic.Links.Any(l => l.Subnet == value),
            "ip" => nic.Links.Any(l => l.IpAddress == value),
            "link_speed" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int speed) && nic.LinkSpeed >= speed,
            _ => false,
        };

    private static string Fail(string raw) => throw Error(raw);

    private static MachineFormException Error(string raw) => new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["interfaces"] = [$"Malformed interfaces constraint, \"{raw}\"."],
    });
}
