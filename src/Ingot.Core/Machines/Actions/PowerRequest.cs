namespace Ingot.Core.Machines.Actions;

/// <summary>
/// A power change a life-cycle method asked for. Core drives no BMC: the request is left on the
/// machine (<see cref="Machine.RequestedPower"/>) for the power layer to carry out after the save.
/// </summary>
public enum PowerRequest
{
    None,
    On,

    /// <summary>Hard power off (MAAS's default <c>stop_mode</c>).</summary>
    Off,

    /// <summary>Soft power off (<c>stop_mode=soft</c>).</summary>
    SoftOff,

    /// <summary>Off then on (MAAS's <c>allow_power_cycle</c> and rescue mode).</summary>
    Cycle,
}
