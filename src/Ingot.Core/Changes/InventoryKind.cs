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

    /// <summary>The global settings (<c>set_config</c>).</summary>
    Settings,
}
