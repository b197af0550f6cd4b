namespace Ingot.Core.Inventory;

/// <summary>MAAS's <c>_process_lxd_environment</c> rule for the architecture a commissioning report sets.</summary>
public static class InventoryArchitecture
{
    /// <summary>
    /// The reported <c>arch/generic</c>, except that a machine already on the same architecture with a
    /// more specific subarchitecture keeps it; an unknown report ("") leaves the architecture as it is.
    /// </summary>
    public static string Merge(string current, string reported)
    {
        if (reported.Length == 0)
        {
            return current;
        }

        (string arch, string subarch) = Split(reported);
        (string currentArch, string currentSubarch) = Split(current);
        if (currentArch == arch && subarch == "generic" && currentSubarch.Length > 0 && currentSubarch != "generic")
        {
            subarch = currentSubarch;
        }

        return $"{arch}/{subarch}";
    }

    private static (string Arch, string Subarch) Split(string architecture)
    {
        int slash = architecture.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (architecture, "") : (architecture[..slash], architecture[(slash + 1)..]);
    }
}
