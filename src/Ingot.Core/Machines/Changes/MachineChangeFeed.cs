namespace Ingot.Core.Machines.Changes;

/// <summary>
/// In-process notice that machines were added, saved or deleted (by system_id), raised after the
/// store's transaction commits. It reaches only subscribers in this process: several regions on one
/// PostgreSQL would need the database to carry it (LISTEN/NOTIFY), which is not done.
/// </summary>
public sealed class MachineChangeFeed
{
    /// <summary>Raised with the system_ids of the machines that changed; handlers must not throw or block.</summary>
    public event Action<IReadOnlyList<string>>? Changed;

    public void Publish(IReadOnlyList<string> systemIds)
    {
        if (systemIds.Count > 0)
        {
            Changed?.Invoke(systemIds);
        }
    }
}
