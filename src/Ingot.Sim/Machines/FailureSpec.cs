using System.Globalization;

namespace Ingot.Sim.Machines;

/// <summary>
/// <c>--failures SPEC</c>: comma-separated <c>N=KIND</c>, machine N (1-based) failing with KIND, one of
/// <c>script:NAME</c>, <c>disk</c>, <c>hang</c>, <c>bmc</c>, <c>no-lease</c>, <c>install</c>, <c>erase</c>,
/// <c>rescue</c>. Example: <c>2=script:maas-lshw,4=disk,6=hang,8=bmc,10=no-lease,11=install</c>.
/// </summary>
public static class FailureSpec
{
    public const string Syntax = "N=KIND[,N=KIND…] with KIND one of script:NAME, disk, hang, bmc, no-lease, install, erase, rescue (N is the machine's number, 1-based)";

    /// <summary>The failures by machine number, or an error text.</summary>
    public static (IReadOnlyDictionary<int, MachineFailure> Failures, string? Error) Parse(string? spec, int machines)
    {
        var failures = new Dictionary<int, MachineFailure>();
        foreach (string item in (spec ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq < 1 || !int.TryParse(item[..eq], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > machines)
            {
                return (failures, $"'{item}': expected {Syntax}; machines are 1..{machines}");
            }

            MachineFailure? failure = Kind(item[(eq + 1)..]);
            if (failure is null)
            {
                return (failures, $"'{item}': unknown failure; expected {Syntax}");
            }

            failures[n] = failure;
        }

        return (failures, null);
    }

    private static MachineFailure? Kind(string text) => text switch
    {
        "disk" => new(FailureKind.DeadDisk),
        "hang" => new(FailureKind.Hang),
        "bmc" => new(FailureKind.Bmc),
        "no-lease" => new(FailureKind.NoLease),
        "install" => new(FailureKind.Installer),
        "erase" => new(FailureKind.Erase),
        "rescue" => new(FailureKind.Rescue),
        _ when text.StartsWith("script:", StringComparison.Ordinal) && text.Length > 7 => new(FailureKind.Script, text[7..]),
        _ => null,
    };
}
