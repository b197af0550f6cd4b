namespace Ingot.Core.Scripts;

/// <summary>
/// MAAS's per-hardware test statuses of the machine JSON (<c>cpu_test_status</c>, <c>memory_test_status</c>,
/// <c>storage_test_status</c>, <c>network_test_status</c>, <c>other_test_status</c>; <c>interface_test_status</c> is
/// the network one, as MAAS computes it): <c>get_status_from_qs</c> (<see cref="ScriptStatusRollup.Health"/>) over the
/// latest result of each testing script whose script has that <c>hardware_type</c>; node scripts are "other". GPU
/// scripts and results whose script is unknown count only in <c>testing_status</c>. Null is no result (written -1).
/// </summary>
public sealed record HardwareTestStatuses(ScriptStatus? Cpu, ScriptStatus? Memory, ScriptStatus? Storage, ScriptStatus? Network, ScriptStatus? Other)
{
    // MAAS's HARDWARE_TYPE values (GPU, 5, has no status of its own).
    private const int NodeType = 0, CpuType = 1, MemoryType = 2, StorageType = 3, NetworkType = 4;

    /// <summary>No testing result of any hardware type.</summary>
    public static HardwareTestStatuses None { get; } = new(null, null, null, null, null);

    /// <summary>The statuses of <paramref name="latest"/>, the latest result of each testing script.</summary>
    public static HardwareTestStatuses Of(IReadOnlyList<LatestTestingResult> latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ScriptStatus? Of(int type) => ScriptStatusRollup.Health(latest.Where(r => r.HardwareType == type).Select(r => r.Status));
        return new HardwareTestStatuses(Of(CpuType), Of(MemoryType), Of(StorageType), Of(NetworkType), Of(NodeType));
    }
}

/// <summary>
/// The latest result of one testing script (by name, across the machine's testing sets): its status and its
/// script's <c>hardware_type</c> (null when the result names no script Ingot knows).
/// </summary>
public sealed record LatestTestingResult(int? HardwareType, ScriptStatus Status)
{
    /// <summary>
    /// The hardware type of a result's script: a built-in by its id (below <see cref="Catalog.Script.UserIdBase"/>) or,
    /// for a result that carries no id, by its name; a user script's from <paramref name="userScripts"/> (MAAS's
    /// <c>id</c> → <c>hardware_type</c>).
    /// </summary>
    public static int? HardwareTypeOf(int? scriptId, string? name, IReadOnlyDictionary<long, int> userScripts)
    {
        ArgumentNullException.ThrowIfNull(userScripts);
        return scriptId switch
        {
            null => name is null ? null : BuiltInScripts.Find(name)?.HardwareType,
            < (int)Catalog.Script.UserIdBase => BuiltInScripts.FindById(scriptId.Value)?.HardwareType,
            _ => userScripts.TryGetValue(scriptId.Value, out int type) ? type : null,
        };
    }
}
