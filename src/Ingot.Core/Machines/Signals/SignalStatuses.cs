using System.Collections.Frozen;

namespace Ingot.Core.Machines.Signals;

/// <summary>The wire names of <see cref="SignalStatus"/>, exactly as MAAS spells them (case-sensitive).</summary>
public static class SignalStatuses
{
    private static readonly FrozenDictionary<SignalStatus, string> s_names = new Dictionary<SignalStatus, string>
    {
        [SignalStatus.Ok] = "OK",
        [SignalStatus.Failed] = "FAILED",
        [SignalStatus.Working] = "WORKING",
        [SignalStatus.Commissioning] = "COMMISSIONING",
        [SignalStatus.Testing] = "TESTING",
        [SignalStatus.TimedOut] = "TIMEDOUT",
        [SignalStatus.Installing] = "INSTALLING",
        [SignalStatus.ApplyingNetconf] = "APPLYING_NETCONF",
        [SignalStatus.Releasing] = "RELEASING",
        [SignalStatus.Deploying] = "DEPLOYING",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, SignalStatus> s_byName =
        s_names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The ten statuses in MAAS's order.</summary>
    public static IReadOnlyList<SignalStatus> All { get; } = Enum.GetValues<SignalStatus>();

    /// <summary>The wire name, e.g. <c>APPLYING_NETCONF</c>.</summary>
    public static string WireName(this SignalStatus status) => s_names[status];

    /// <summary>Parses a wire name; MAAS compares exactly, so <c>ok</c> is not <c>OK</c>.</summary>
    public static bool TryParse(string? name, out SignalStatus status) =>
        s_byName.TryGetValue(name ?? "", out status);
}
