using Ingot.Core.Machines;

namespace Ingot.Core.Cloning;

/// <summary>
/// The clone form is invalid (MAAS's <c>MAASAPIValidationError(form.errors)</c>, HTTP 400). Nothing
/// was cloned. <see cref="Errors"/> holds every error with its field, code and destination.
/// </summary>
public sealed class CloneValidationException(IReadOnlyList<CloneError> errors)
    : MachineOperationException(ErrorCategory.BadRequest, "ValidationError", string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<CloneError> Errors { get; } = errors;
}
