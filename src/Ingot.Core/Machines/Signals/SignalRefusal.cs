namespace Ingot.Core.Machines.Signals;

/// <summary>Why a signal was refused: MAAS's exact text with its HTTP category.</summary>
public sealed record SignalRefusal(ErrorCategory Category, string Kind, string Message)
{
    /// <summary>400 <c>MAASAPIBadRequest</c>: a status outside <c>SIGNAL_STATUS</c>.</summary>
    public static SignalRefusal UnknownStatus(string? status) =>
        new(ErrorCategory.BadRequest, "MAASAPIBadRequest", $"Unknown status: '{status}'");

    /// <summary>409 <c>NodeStateViolation</c>: the machine's status takes no signals.</summary>
    public static SignalRefusal StatusNotValid(MachineStatus status) =>
        new(ErrorCategory.Conflict, "NodeStateViolation", $"Machine status isn't valid (status is {status.Label()})");

    /// <summary>409 <c>NodeStateViolation</c>: the handler's target is not allowed by the transition table.</summary>
    public static SignalRefusal InvalidTransition(MachineStatus from, MachineStatus to) =>
        new(ErrorCategory.Conflict, "NodeStateViolation", NodeTransitions.InvalidTransitionMessage(from, to));

    public MachineOperationException ToException() => new(Category, Kind, Message);
}
