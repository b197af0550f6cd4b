namespace Ingot.Core.Power;

/// <summary>
/// A machine's power parameters split by scope (MAAS's <c>BMC.scope_power_parameters</c>): the
/// settings the driver declares with scope <c>bmc</c> belong to the BMC, shared by every machine
/// behind it; everything else (scope <c>node</c>, or names the driver does not declare) belongs to the
/// machine. Without a driver (no power type, or one Ingot does not know) every setting is the node's
/// and the BMC is not a chassis. <see cref="Chassis"/> drivers share a BMC with the same parameters.
/// </summary>
public sealed record BmcParameters(bool Chassis, IReadOnlyDictionary<string, string> Bmc, IReadOnlyDictionary<string, string> Node)
{
    public static BmcParameters Split(PowerTypeCatalog? catalog, string powerType, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var bmc = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = new Dictionary<string, string>(StringComparer.Ordinal);
        PowerTypeSchema? schema = string.IsNullOrEmpty(powerType) ? null : catalog?.Find(powerType);
        if (schema is null || schema.Fields.Count == 0)
        {
            return new BmcParameters(false, bmc, new Dictionary<string, string>(parameters, StringComparer.Ordinal));
        }

        foreach ((string name, string value) in parameters)
        {
            bool bmcScoped = schema.Field(name) is { Scope: PowerParameterScope.Bmc };
            (bmcScoped ? bmc : node)[name] = value;
        }

        return new BmcParameters(schema.Chassis, bmc, node);
    }

    /// <summary>MAAS's <c>Node.power_parameters</c>: the node's settings laid over the BMC's.</summary>
    public static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> bmc, IReadOnlyDictionary<string, string> node)
    {
        ArgumentNullException.ThrowIfNull(bmc);
        ArgumentNullException.ThrowIfNull(node);
        var merged = new Dictionary<string, string>(bmc, StringComparer.Ordinal);
        foreach ((string name, string value) in node)
        {
            merged[name] = value;
        }

        return merged;
    }

    /// <summary>Whether two parameter sets hold the same names and values (MAAS compares the BMC's JSON).</summary>
    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out string? v) && v == p.Value);
    }
}
