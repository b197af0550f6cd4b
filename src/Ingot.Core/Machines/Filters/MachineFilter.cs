using System.Globalization;
using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;

namespace Ingot.Core.Machines.Filters;

/// <summary>
/// MAAS's machine filters and allocate constraints (<c>FilterNodeForm</c> / <c>AcquireNodeForm</c>),
/// parsed from a request's form (key → values) into predicates over <see cref="Machine"/>. Unknown
/// keys are 400 <c>{"key": ["No such constraint."]}</c>; bad numbers, unknown zones, pools and tags
/// get MAAS's texts. Pure: the caller supplies the vocabulary of existing names.
/// </summary>
public sealed class MachineFilter
{
    /// <summary>Keys MAAS's forms accept and ignore (they are options of the request, not filters).</summary>
    private static readonly HashSet<string> s_ignored =
        ["op", "comment", "bridge_all", "bridge_type", "bridge_stp", "bridge_fd", "dry_run", "verbose", "install_kvm", "register_vmhost", "install_rackd"];

    /// <summary>Keys about models Ingot does not have yet (fabrics, VLANs, devices, pods): a positive constraint matches nothing.</summary>
    private static readonly HashSet<string> s_unmodelled =
        ["fabrics", "fabric_classes", "vlans", "devices", "deployment_target", "pod", "pod_type"];

    private readonly List<Func<Machine, bool>> _predicates = [];
    private readonly SortedDictionary<string, string> _description = new(StringComparer.Ordinal);

    private MachineFilter()
    {
    }

    public StorageConstraint? Storage { get; private set; }

    public InterfaceConstraint? Interfaces { get; private set; }

    /// <summary>The allocate request's agent_name (not a constraint when allocating).</summary>
    public string AgentName { get; private set; } = "";

    public bool IsEmpty => _description.Count == 0;

    /// <summary>
    /// Whether a constraint looks at the machine's disks or interfaces (mac_address, subnets,
    /// link_speed, storage, interfaces); if not, machines read without their hardware can be matched.
    /// </summary>
    public bool NeedsHardware { get; private set; }

    public static MachineFilter None { get; } = new();

    /// <summary>Parses a list filter (<c>GET machines/</c>) or, with <paramref name="allocating"/>, allocate constraints.</summary>
    public static MachineFilter Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> form, FilterVocabulary vocabulary, bool allocating)
    {
        var filter = new MachineFilter();
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, raw) in form)
        {
            IReadOnlyList<string> values = [.. raw.Where(v => v.Length > 0)];
            if (s_ignored.Contains(key) || values.Count == 0)
            {
                continue;
            }

            if (allocating && key == "agent_name")
            {
                filter.AgentName = values[^1];
                continue;
            }

            try
            {
                if (!filter.Add(key, values, vocabulary, allocating))
                {
                    errors[key] = ["No such constraint."];
                }
            }
            catch (MachineFormException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    errors[field] = messages;
                }
            }
        }

        return errors.Count > 0 ? throw new MachineFormException(errors) : filter;
    }

    public bool Matches(Machine machine) =>
        _predicates.TrueForAll(p => p(machine))
        && (Storage is null || Storage.Match(machine) is not null)
        && (Interfaces is null || Interfaces.Match(machine) is not null);

    /// <summary>MAAS's <c>describe_constraints</c>: <c>key=value</c> in alphabetical order, lists comma-joined.</summary>
    public string Describe() => string.Join(' ', _description.Select(d => $"{d.Key}={d.Value}"));

    private bool Add(string key, IReadOnlyList<string> values, FilterVocabulary vocabulary, bool allocating)
    {
        bool negated = key.StartsWith("not_", StringComparison.Ordinal);
        string field = key switch
        {
            "not_in_zone" => "zone",
            "not_in_pool" => "pool",
            _ when negated => key[4..],
            _ => key,
        };
        NeedsHardware |= field is "mac_address" or "subnets" or "link_speed" or "storage" or "interfaces";

        Func<Machine, string, bool>? text = field switch
        {
            "hostname" when !allocating => (m, v) => m.Hostname == v,
            "name" when allocating && !negated => (m, v) => m.Hostname == v || $"{m.Hostname}.{m.Domain}" == v,
            "id" or "system_id" => (m, v) => m.SystemId == v,
            "domain" => (m, v) => m.Domain == v,
            "agent_name" => (m, v) => m.AgentName == v,
            "owner" => (m, v) => m.Owner == v,
            "power_state" => (m, v) => m.PowerState.ToString().Equals(v, StringComparison.OrdinalIgnoreCase),
            "arch" => (m, v) => m.Architecture == v || (!v.Contains('/', StringComparison.Ordinal) && m.Architecture.StartsWith(v + "/", StringComparison.Ordinal)),
            "zone" => (m, v) => m.Zone == v,
            "pool" => (m, v) => m.Pool == v,
            "status" => (m, v) => m.Status.ConstantName().Equals(v, StringComparison.OrdinalIgnoreCase),
            "simple_status" => (m, v) => SimpleStatus(m.Status).Equals(v, StringComparison.OrdinalIgnoreCase),
            "mac_address" when !negated => (m, v) => MacAddress.TryParse(v, out MacAddress mac) && m.Interfaces.Any(i => i.MacAddress == mac),
            "subnets" => (m, v) => m.Interfaces.Any(i => i.Links.Any(l => l.Subnet == SubnetValue(v) || l.IpAddress == SubnetValue(v))),
            _ when s_unmodelled.Contains(field) => (_, _) => false,
            _ => null,
        };

        if (text is not null)
        {
            Check(field, values, vocabulary);
            _predicates.Add(negated ? m => !values.Any(v => text(m, v)) : m => values.Any(v => text(m, v)));
            _description[key] = string.Join(',', values);
            return true;
        }

        switch (key)
        {
            case "tags" or "not_tags":
                string[] tags = [.. values.SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))];
                Check("tags", tags, vocabulary);
                _predicates.Add(negated ? m => !tags.Any(m.Tags.Contains) : m => tags.All(m.Tags.Contains));
                _description[key] = string.Join(',', tags);
                return true;
            case "cpu_count" or "cpu_speed" or "mem" or "link_speed":
                double minimum = Number(key, values[^1]);
                _predicates.Add(key switch
                {
                    "cpu_count" => m => m.CpuCount >= minimum,
                    "cpu_speed" => m => m.CpuSpeed >= minimum,
                    "mem" => m => m.Memory >= minimum,
                    _ => m => m.Interfaces.Any(i => i.LinkSpeed >= minimum),
                });
                _description[key] = minimum.ToString("0.0##############", CultureInfo.InvariantCulture);
                return true;
            case "storage":
                Storage = StorageConstraint.Parse(values[^1]);
                _description[key] = values[^1];
                return true;
            case "interfaces":
                Interfaces = InterfaceConstraint.Parse(values[^1]);
                _description[key] = values[^1];
                return true;
            default:
                return false;
        }
    }

    private static void Check(string field, IReadOnlyList<string> values, FilterVocabulary vocabulary)
    {
        (IReadOnlySet<string>? known, string message) = field switch
        {
            "zone" => (vocabulary.Zones, "No such zone(s): {0}."),
            "pool" => (vocabulary.Pools, "No such pool(s): {0}."),
            "tags" => (vocabulary.Tags, "No such tag(s): {0}."),
            _ => (null, ""),
        };
        string[] unknown = known is null ? [] : [.. values.Where(v => !known.Contains(v))];
        if (field == "mac_address")
        {
            unknown = [.. values.Where(v => !MacAddress.TryParse(v, out _))];
            message = "Invalid MAC address(es): {0}.";
        }

        if (unknown.Length > 0)
        {
            string names = field == "tags" ? string.Join(", ", unknown.Select(u => $"'{u}'")) : string.Join(", ", unknown);
            throw new MachineFormException(new Dictionary<string, IReadOnlyList<string>>
            {
                [field == "tags" ? "tags" : field] = [string.Format(CultureInfo.InvariantCulture, message, names)],
            });
        }
    }

    private static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && double.IsFinite(n)
            ? n
            : throw new MachineFormException(new Dictionary<string, IReadOnlyList<string>>
            {
                [key] = [key switch
                {
                    "cpu_count" => "Invalid CPU count: number required.",
                    "cpu_speed" => "Invalid CPU speed: number required.",
                    "mem" => "Invalid memory: number of MiB required.",
                    _ => "Invalid link speed: number required.",
                }],
            });

    /// <summary>A subnet specifier's value: <c>ip:</c> and <c>name:</c> prefixes stripped; plain values are CIDRs.</summary>
    private static string SubnetValue(string specifier) =>
        specifier.StartsWith("ip:", StringComparison.Ordinal) || specifier.StartsWith("name:", StringComparison.Ordinal)
            ? specifier[(specifier.IndexOf(':', StringComparison.Ordinal) + 1)..]
            : specifier;

    /// <summary>The lower-case simplified status MAAS filters <c>simple_status</c> by.</summary>
    private static string SimpleStatus(MachineStatus status) => status.Simplified() switch
    {
        "Rescue Mode" => "rescue_mode",
        var s => s.ToLowerInvariant(),
    };
}
