namespace Ingot.Core.ResourcePools;

/// <summary>
/// A resource pool (MAAS's <c>ResourcePool</c>). The default pool has id 0, name
/// <see cref="DefaultName"/> and description <see cref="DefaultDescription"/>; it cannot be
/// deleted, nor can a pool that still has machines. Machines refer to their pool by name
/// (<see cref="Machines.Machine.Pool"/>).
/// </summary>
public sealed class ResourcePool
{
    public const long DefaultId = 0;

    public const string DefaultName = "default";

    public const string DefaultDescription = "Default pool";

    public long Id { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public bool IsDefault => Id == DefaultId;
}
