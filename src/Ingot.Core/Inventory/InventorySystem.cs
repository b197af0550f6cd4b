namespace Ingot.Core.Inventory;

/// <summary>
/// The DMI facts (<c>resources.system</c>) as MAAS's <c>_process_system_information</c> keeps them:
/// <see cref="HardwareInfo"/> holds the <c>hardware_info</c> keys that have a value (a vendor's
/// placeholder "0123456789" or "none" counts as none); <see cref="HardwareUuid"/> is the UUID only
/// when it looks like one; <see cref="IsVirtual"/> when <c>type</c> is neither empty nor "physical".
/// </summary>
public sealed record InventorySystem
{
    public IReadOnlyDictionary<string, string> HardwareInfo { get; init; } = new Dictionary<string, string>();

    public string HardwareUuid { get; init; } = "";

    /// <summary>The raw <c>type</c>: <c>physical</c>, <c>kvm</c>, <c>qemu</c>, ...</summary>
    public string Type { get; init; } = "";

    public bool IsVirtual => Type.Length > 0 && Type != "physical";
}
