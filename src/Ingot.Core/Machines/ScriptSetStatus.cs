namespace Ingot.Core.Machines;

/// <summary>
/// The outcome of a machine's current commissioning script set, as far as the life-cycle needs
/// it (MAAS's <c>current_commissioning_script_set.status</c>). Null on the machine means it was
/// never commissioned.
/// </summary>
public enum ScriptSetStatus
{
    Pending,
    Running,
    Passed,
    Failed,
    Aborted,
    Skipped,
}
