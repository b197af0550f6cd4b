namespace Ingot.Core.Machines.Filters;

/// <summary>
/// The names a filter or allocate request may refer to, so that unknown ones are refused as MAAS
/// refuses them ("No such zone(s): x."). A null set is not checked.
/// </summary>
public sealed record FilterVocabulary(
    IReadOnlySet<string>? Zones = null,
    IReadOnlySet<string>? Pools = null,
    IReadOnlySet<string>? Tags = null)
{
    public static FilterVocabulary Unchecked { get; } = new();
}
