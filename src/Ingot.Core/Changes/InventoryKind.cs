namespace Ingot.Core.Changes;

/// <summary>What kind of object an <see cref="InventoryChangeFeed"/> notice is about.</summary>
public enum InventoryKind
{
    Zones,
    ResourcePools,
    Tags,
    Users,
    Networks,
    BootResources,
}
