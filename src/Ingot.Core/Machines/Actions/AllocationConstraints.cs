using System.Globalization;

namespace Ingot.Core.Machines.Actions;

/// <summary>
/// The simple constraints of <c>op=allocate</c>: name (hostname), zone, pool, tags (all of
/// them), arch (<c>amd64</c> matches <c>amd64/generic</c>), and minimum cpu_count and mem (MiB).
/// </summary>
public sealed record AllocationConstraints
{
    public static AllocationConstraints None { get; } = new();

    public string? Name { get; init; }

    public string? Arch { get; init; }

    public int? CpuCount { get; init; }

    public long? Mem { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Zone { get; init; }

    public string? Pool { get; init; }

    public string AgentName { get; init; } = "";

    public string? Comment { get; init; }

    public bool IsEmpty => Pairs().Count == 0;

    public bool Matches(Machine machine) =>
        (Name is null || machine.Hostname == Name || $"{machine.Hostname}.{machine.Domain}" == Name)
        && (Arch is null || machine.Architecture == Arch || machine.Architecture.Split('/')[0] == Arch)
        && (CpuCount is null || machine.CpuCount >= CpuCount)
        && (Mem is null || machine.Memory >= Mem)
        && Tags.All(machine.Tags.Contains)
        && (Zone is null || machine.Zone == Zone)
        && (Pool is null || machine.Pool == Pool);

    /// <summary>
    /// MAAS's form: <c>[('name', ['h1'])] (resolved to "name=h1")</c>, the request's constraints
    /// as a Python list, then <c>describe_constraints()</c>.
    /// </summary>
    public string Describe()
    {
        IReadOnlyList<(string Key, string Value)> pairs = Pairs();
        string input = "[" + string.Join(", ", pairs.Select(p => $"('{p.Key}', ['{p.Value}'])")) + "]";
        string resolved = string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"));
        return $"{input} (resolved to \"{resolved}\")";
    }

    private List<(string Key, string Value)> Pairs()
    {
        var pairs = new List<(string, string)>();
        if (Name is not null)
        {
            pairs.Add(("name", Name));
        }

        if (Arch is not null)
        {
            pairs.Add(("arch", Arch));
        }

        if (CpuCount is { } cpu)
        {
            pairs.Add(("cpu_count", cpu.ToString(CultureInfo.InvariantCulture)));
        }

        if (Mem is { } mem)
        {
            pairs.Add(("mem", mem.ToString(CultureInfo.InvariantCulture)));
        }

        if (Tags.Count > 0)
        {
            pairs.Add(("tags", string.Join(",", Tags)));
        }

        if (Zone is not null)
        {
            pairs.Add(("zone", Zone));
        }

        if (Pool is not null)
        {
            pairs.Add(("pool", Pool));
        }

        return pairs;
    }
}
