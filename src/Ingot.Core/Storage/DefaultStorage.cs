using Ingot.Core.Machines;

namespace Ingot.Core.Storage;

/// <summary>
/// MAAS's default storage layout after commissioning (<c>set_default_storage_layout</c>, the
/// <c>default_storage_layout</c> setting, flat unless set): commissioning that did not skip storage replaces the
/// storage configuration with the default layout; a machine whose disks cannot hold it is left blank (MAAS
/// logs and leaves it unconfigured).
/// </summary>
public static class DefaultStorage
{
    public static readonly IReadOnlyList<string> Choices = ["flat", "lvm", "bcache", "vmfs6", "vmfs7", "blank"];

    /// <summary>Applies <paramref name="layout"/>; true when the machine now has it.</summary>
    public static bool Apply(Machine machine, string? layout)
    {
        string name = string.IsNullOrWhiteSpace(layout) ? "flat" : layout;
        if (name is "vmfs6" or "vmfs7")
        {
            name = "flat";
        }

        // MAAS falls back to flat when the machine has no cache device for the bcache layout.
        if (name == "bcache" && TryApply(machine, name))
        {
            return true;
        }

        return TryApply(machine, name == "bcache" ? "flat" : name);
    }

    private static bool TryApply(Machine machine, string name)
    {
        try
        {
            StorageLayout.Apply(machine, new StorageLayoutRequest(name));
            return true;
        }
        catch (MachineOperationException)
        {
            StorageLayout.Clear(machine);
            return false;
        }
    }

    /// <summary>The setting's check: one of MAAS's layout names.</summary>
    public static (string?, string?) Validate(string value) => Choices.Contains(value.Trim())
        ? (value.Trim(), null)
        : (null, $"Select a valid choice. {value} is not one of the available choices.");
}
