using System.Diagnostics.CodeAnalysis;

namespace Ingot.Core.Inventory;

/// <summary>
/// The outcome of <see cref="InventoryParser.Parse"/>: an inventory, or the reason the document was
/// refused (<see cref="Error"/>); <see cref="Message"/> is MAAS's event text for it.
/// </summary>
public sealed record InventoryParseResult
{
    public MachineInventory? Inventory { get; private init; }

    public string? Error { get; private init; }

    [MemberNotNullWhen(true, nameof(Inventory))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Inventory is not null;

    /// <summary>MAAS's <c>SCRIPT_RESULT_ERROR</c> event description: "Failed processing commissioning data: &lt;reason&gt;".</summary>
    public string Message => Error is null ? "" : $"Failed processing commissioning data: {Error}";

    public static InventoryParseResult Ok(MachineInventory inventory) => new() { Inventory = inventory };

    public static InventoryParseResult Failed(string error) => new() { Error = error };
}
