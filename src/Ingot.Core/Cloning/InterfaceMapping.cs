using Ingot.Core.Hardware;
using Ingot.Core.Machines;

namespace Ingot.Core.Cloning;

/// <summary>
/// MAAS's <c>_get_interface_mapping_between_nodes</c>: physical interfaces are matched by name, and
/// every physical interface of the source must exist on the destination (extra ones are allowed).
/// </summary>
public static class InterfaceMapping
{
    /// <summary>Returns null and the source → destination pairs, else MAAS's reason text naming the missing interfaces.</summary>
    public static string? TryMap(Machine destination, Machine source, out IReadOnlyDictionary<string, NetworkInterface> byName)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(source);
        var destPhysical = destination.Interfaces.Where(i => i.Type == InterfaceType.Physical).ToDictionary(i => i.Name, StringComparer.Ordinal);
        string[] missing = [.. source.Interfaces
            .Where(i => i.Type == InterfaceType.Physical && !destPhysical.ContainsKey(i.Name))
            .Select(i => i.Name)];
        byName = destPhysical;
        return missing.Length == 0
            ? null
            : $"destination node physical interfaces do not match the source nodes physical interfaces: {string.Join(", ", missing)}";
    }
}
