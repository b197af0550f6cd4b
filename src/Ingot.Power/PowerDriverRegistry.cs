using Ingot.Core.Power;

namespace Ingot.Power;

/// <summary>The drivers Ingot has, by MAAS power type name, and the <see cref="PowerTypeCatalog"/> of their schemas.</summary>
public sealed class PowerDriverRegistry
{
    private readonly Dictionary<string, IPowerDriver> _drivers;

    public PowerDriverRegistry(IEnumerable<IPowerDriver> drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        IPowerDriver[] all = [.. drivers];
        _drivers = all.ToDictionary(d => d.Schema.Name, StringComparer.Ordinal);
        Catalog = new PowerTypeCatalog(all.Select(d => d.Schema));
    }

    public PowerTypeCatalog Catalog { get; }

    public IPowerDriver? Find(string powerType) => _drivers.GetValueOrDefault(powerType);

    /// <summary>A context for <paramref name="powerType"/>'s driver, or a setting error when Ingot has no such driver.</summary>
    public (IPowerDriver Driver, PowerContext Context) Resolve(string powerType, string systemId, IReadOnlyDictionary<string, string> parameters)
    {
        IPowerDriver driver = Find(powerType) ?? throw new PowerException(PowerErrorKind.Setting, $"Unknown power type '{powerType}'.");
        return (driver, new PowerContext(systemId, driver.Schema, parameters));
    }
}
