namespace Ingot.Core.Power;

/// <summary>
/// The power types Ingot can drive, by MAAS name (filled by the power layer from its drivers): what
/// <c>describe_power_types</c> lists and what <c>power_type</c>/<c>power_parameters</c> are checked against.
/// </summary>
public sealed class PowerTypeCatalog
{
    private readonly Dictionary<string, PowerTypeSchema> _byName;

    public PowerTypeCatalog(IEnumerable<PowerTypeSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        All = [.. schemas];
        _byName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>The schemas in the order the drivers were registered.</summary>
    public IReadOnlyList<PowerTypeSchema> All { get; }

    public PowerTypeSchema? Find(string name) => _byName.GetValueOrDefault(name);
}
