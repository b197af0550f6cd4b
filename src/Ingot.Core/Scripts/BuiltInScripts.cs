using System.Collections.Frozen;
using Ingot.Core.Machines.Signals;

namespace Ingot.Core.Scripts;

/// <summary>
/// The scripts Ingot ships until a script catalog (the <c>scripts/</c> API) exists: MAAS's built-in
/// names, so results and commands that name them line up with MAAS. The bodies are Ingot's own short
/// shell scripts; each prints what it gathered and exits non-zero when it could not gather it.
/// The longer bodies (<see cref="BuiltInScriptBodies"/>) run in Ingot's busybox ephemeral image:
/// <c>50-maas-01-commissioning</c> prints the LXD-resources document itself (or runs
/// <c>machine-resources</c> where installed), <c>maas-lshw</c> writes lshw's XML layout (or runs lshw),
/// and the testing scripts take their expensive parts as parameters (<c>--size=</c>, <c>--read-mib=</c>).
/// </summary>
public static class BuiltInScripts
{
    private const string Shebang = "#!/bin/sh\nset -eu\n";

    /// <summary>Every built-in, commissioning scripts first, in the order they run.</summary>
    public static IReadOnlyList<BuiltInScript> All { get; } =
    [
        new(1, "maas-support-info", ScriptSetKind.Commissioning, "Gather the machine's support information.", 300, 2, 0, ["node"],
            Shebang + "uname -a\ncat /proc/cmdline\nip -o link 2>/dev/null || true\nlsblk 2>/dev/null || true\n"),
        new(2, "maas-lshw", ScriptSetKind.Commissioning, "Output the hardware as lshw XML.", 300, 2, 0, ["node"],
            BuiltInScriptBodies.Read("maas-lshw")),
        new(3, "maas-list-modaliases", ScriptSetKind.Commissioning, "List the modaliases of the machine's devices.", 60, 2, 0, ["node"],
            Shebang + "find /sys/devices -name modalias -exec cat {} + | sort -u\n"),
        new(4, "maas-kernel-cmdline", ScriptSetKind.Commissioning, "Output the kernel command line.", 10, 2, 0, ["node"],
            Shebang + "cat /proc/cmdline\n"),
        new(5, "maas-serial-ports", ScriptSetKind.Commissioning, "List the serial ports.", 60, 2, 0, ["node"],
            Shebang + "for tty in /sys/class/tty/ttyS*; do [ -e \"$tty/device\" ] && basename \"$tty\"; done; true\n"),
        new(12, "maas-capture-lldpd", ScriptSetKind.Commissioning, "Capture the LLDP neighbours lldpd heard (lldpcli XML).", 120, 2, 0, ["node"],
            BuiltInScriptBodies.Read("maas-capture-lldpd")),
        new(6, "30-maas-01-bmc-config", ScriptSetKind.Commissioning, "Detect the machine's BMC and create the ingot BMC user.", 300, 0, 0, ["bmc-config", "node"],
            BmcConfigScript.Text),
        new(7, "50-maas-01-commissioning", ScriptSetKind.Commissioning, "Gather the machine's resources (LXD resources JSON).", 600, 0, 0, ["node"],
            BuiltInScriptBodies.Read("50-maas-01-commissioning")),
        new(8, "smartctl-validate", ScriptSetKind.Testing, "Validate SMART health for all drives in parallel.", 600, 2, 3, ["storage", "commissioning"],
            BuiltInScriptBodies.Read("smartctl-validate")),
        new(9, "memtester", ScriptSetKind.Testing, "Run memtester against a bounded amount of free memory.", 0, 0, 2, ["memory"],
            BuiltInScriptBodies.Read("memtester")),
        new(10, "network-link-check", ScriptSetKind.Testing, "Check that every interface that is up has its link and that the region answers.", 120, 2, 4, ["network"],
            BuiltInScriptBodies.Read("network-link-check")),
        new(11, WipeDisks.Name, ScriptSetKind.Release, "Erase all disks.", 0, 0, 3, ["wipe"], WipeDisks.Body),
    ];

    private static readonly FrozenDictionary<string, BuiltInScript> s_byName =
        All.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<int, BuiltInScript> s_byId = All.ToFrozenDictionary(s => s.Id);

    public static BuiltInScript? Find(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>The built-in with MAAS's <c>script_id</c> <paramref name="id"/>, if any.</summary>
    public static BuiltInScript? FindById(int id) => s_byId.GetValueOrDefault(id);

    /// <summary>The scripts a new set of this kind holds: every commissioning or release script, or the default testing scripts.</summary>
    public static IReadOnlyList<BuiltInScript> DefaultFor(ScriptSetKind kind) =>
        [.. All.Where(s => s.Kind == kind && (s.IsDefault || kind == ScriptSetKind.Release))];
}
