using Ingot.Core.Boot;

namespace Ingot.Hosting;

/// <summary>
/// Which host interfaces the boot services listen on: <c>--boot-interface</c> (repeatable), else
/// <c>$INGOT_BOOT_INTERFACES</c> (names separated by spaces or commas), else none (boot services off).
/// </summary>
public static class BootInterfaceSettings
{
    public const string Variable = "INGOT_BOOT_INTERFACES";

    public const string OffMessage =
        "Boot services (DHCP, TFTP) are off: no boot interface. Turn them on with 'ingot serve --boot-interface IFACE' (repeatable) or $" + Variable + ".";

    public static BootInterfaces Resolve(IReadOnlyList<string> options, string? variable)
    {
        IEnumerable<string> names = options.Count > 0
            ? options
            : (variable ?? "").Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return new BootInterfaces([.. names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The names that are not interfaces of this host.</summary>
    public static IReadOnlyList<string> Unknown(BootInterfaces interfaces, IEnumerable<string> hostInterfaces)
    {
        var known = new HashSet<string>(hostInterfaces, StringComparer.Ordinal);
        return [.. interfaces.Names.Where(n => !known.Contains(n))];
    }

    /// <summary>What <c>serve</c> prints about the boot services.</summary>
    public static string Describe(BootInterfaces interfaces) =>
        interfaces.Enabled ? $"Boot services (DHCP, TFTP) on: {string.Join(", ", interfaces.Names)}" : OffMessage;
}
