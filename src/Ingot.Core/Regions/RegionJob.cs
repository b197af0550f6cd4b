namespace Ingot.Core.Regions;

/// <summary>
/// Background work that several regions on one database must not do at the same time (MAAS's
/// <c>DatabaseLock</c>s): each pass takes the job's lock in the database first and is skipped when
/// another region holds it. The values are the lock numbers; never renumber them.
/// </summary>
public enum RegionJob
{
    /// <summary>Failing machines whose status expired (<see cref="Machines.StatusMonitor"/>).</summary>
    StatusMonitor = 1,

    /// <summary>Failing machines whose script ran past its timeout.</summary>
    ScriptTimeouts = 2,

    /// <summary>The 5-minute power-state poll of every machine.</summary>
    PowerPolling = 3,

    /// <summary>Looking for power requests no region is carrying out (made by another region, or claimed by one that died).</summary>
    PowerRecovery = 4,

    /// <summary>Forgetting old OAuth nonces.</summary>
    NoncePruning = 5,
}
