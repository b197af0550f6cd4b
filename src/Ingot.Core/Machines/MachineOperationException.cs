namespace Ingot.Core.Machines;

/// <summary>
/// A refused operation: MAAS's exact error text with its HTTP category. The API renders
/// <see cref="Exception.Message"/> as the body and <see cref="Category"/> as the status code.
/// </summary>
public class MachineOperationException(ErrorCategory category, string kind, string message) : Exception(message)
{
    public ErrorCategory Category { get; } = category;

    /// <summary>MAAS's exception class name, e.g. <c>NodeStateViolation</c>, kept for logs and tests.</summary>
    public string Kind { get; } = kind;

    /// <summary><c>NodeStateViolation</c>: HTTP 409.</summary>
    public static MachineOperationException StateViolation(string message) =>
        new(ErrorCategory.Conflict, "NodeStateViolation", message);

    /// <summary><c>PermissionDenied</c>: HTTP 403.</summary>
    public static MachineOperationException PermissionDenied(string message = "You do not have permission to perform this action.") =>
        new(ErrorCategory.Forbidden, "PermissionDenied", message);

    /// <summary><c>ValidationError</c> / <c>MAASAPIValidationError</c>: HTTP 400.</summary>
    public static MachineOperationException Validation(string message) =>
        new(ErrorCategory.BadRequest, "ValidationError", message);

    /// <summary><c>NodeActionError</c> (UI actions): HTTP 400.</summary>
    public static MachineOperationException ActionError(string message) =>
        new(ErrorCategory.BadRequest, "NodeActionError", message);

    /// <summary><c>UnknownPowerType</c>: HTTP 400.</summary>
    public static MachineOperationException UnknownPowerType() =>
        new(ErrorCategory.BadRequest, "UnknownPowerType", "Unconfigured power type. Please configure the power type and try again.");

    /// <summary>No such machine (or one the caller may not view): HTTP 404.</summary>
    public static MachineOperationException NotFound() =>
        new(ErrorCategory.NotFound, "NotFound", "No Machine matches the given query.");
}
