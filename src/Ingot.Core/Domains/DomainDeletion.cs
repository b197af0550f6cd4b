namespace Ingot.Core.Domains;

/// <summary>What <see cref="IDomainStore.DeleteAsync"/> did.</summary>
public enum DomainDeletion
{
    Deleted,

    NotFound,

    /// <summary>Refused: machines are still in the domain (checked in the same statement as the delete).</summary>
    HasMachines,
}
