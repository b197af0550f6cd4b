namespace Ingot.Core.ResourcePools;

/// <summary>What <see cref="IResourcePoolStore.DeleteAsync"/> did.</summary>
public enum PoolDeletion
{
    Deleted,

    NotFound,

    /// <summary>Refused: machines are still in the pool (checked in the same statement as the delete).</summary>
    HasMachines,
}
