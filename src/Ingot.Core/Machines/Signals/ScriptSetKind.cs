namespace Ingot.Core.Machines.Signals;

/// <summary>Which of the machine's current script sets a signal's uploaded results belong to.</summary>
public enum ScriptSetKind
{
    /// <summary><c>current_commissioning_script_set</c>.</summary>
    Commissioning,

    /// <summary><c>current_testing_script_set</c>.</summary>
    Testing,

    /// <summary><c>current_installation_script_set</c>.</summary>
    Installation,

    /// <summary><c>current_release_script_set</c>: the release scripts (<c>wipe-disks</c>).</summary>
    Release,
}
