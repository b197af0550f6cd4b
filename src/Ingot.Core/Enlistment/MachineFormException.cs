using Ingot.Core.Machines;

namespace Ingot.Core.Enlistment;

/// <summary>
/// The machine create form refused the request (MAAS's <c>MAASAPIValidationError(form.errors)</c>,
/// HTTP 400). <see cref="Errors"/> maps each field (e.g. <c>mac_addresses</c>, <c>architecture</c>) to
/// its messages, as MAAS renders them in the response body.
/// </summary>
public sealed class MachineFormException(IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    : MachineOperationException(ErrorCategory.BadRequest, "ValidationError", Describe(errors))
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; } = errors;

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
}
