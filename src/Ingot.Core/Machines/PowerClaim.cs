using Ingot.Core.Machines.Actions;

namespace Ingot.Core.Machines;

/// <summary>
/// The power work a region took from a machine (<see cref="Machine.TakeRequestedPower"/>):
/// <paramref name="Request"/> (None when there was none), and whether it was
/// <paramref name="TakenOver"/> from a region that claimed it and stopped before recording a result —
/// that region may have reached the BMC already, so the action is checked before it is sent again.
/// </summary>
public readonly record struct PowerClaim(PowerRequest Request, bool TakenOver)
{
    public static PowerClaim None { get; } = new(PowerRequest.None, false);
}
