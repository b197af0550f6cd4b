namespace Ingot.Core.Machines;

/// <summary>
/// The paths on which MAAS sets a status without checking <see cref="NodeTransitions"/>. Each one
/// is named so that a reader can find every place the table is bypassed.
/// </summary>
public enum UnvalidatedReason
{
    /// <summary><c>Node._set_status</c> after <c>abort_operation</c>: the per-status abort targets.</summary>
    Abort,

    /// <summary><c>AdminMachineForm._setup_deployed_machine</c>: a machine added with <c>deployed=true</c>.</summary>
    AddedDeployed,

    /// <summary><c>mark_failed</c> from the failure map (the status monitor and the deploy workflow).</summary>
    FailureMarking,

    /// <summary><c>_set_status(old)</c> when starting an operation fails and MAAS reverts.</summary>
    RevertOnError,
}
