namespace Ingot.Api.Wire;

/// <summary>
/// MAAS's <c>MAASAPIValidationError</c> with form errors: 400 with a JSON body mapping each field
/// (or <c>__all__</c>) to its messages, e.g. <c>{"foo": ["No such constraint."]}</c>.
/// </summary>
public sealed class ApiValidationException(IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    : ApiException(400, string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; } = errors;

    public static ApiValidationException Field(string field, string message) =>
        new(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });
}
