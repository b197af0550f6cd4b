namespace Ingot.Core.Power;

/// <summary>
/// What a power driver declares (MAAS's <c>PowerDriverBase.get_schema</c>): its power type name,
/// description, flags and parameter fields. <see cref="IpExtractorField"/> names the parameter that
/// holds the BMC's address, when there is one.
/// </summary>
public sealed record PowerTypeSchema(string Name, string Description, IReadOnlyList<PowerParameterField> Fields)
{
    public bool Queryable { get; init; } = true;

    public bool Chassis { get; init; }

    public bool CanProbe { get; init; }

    public bool CanSetBootOrder { get; init; }

    public string? IpExtractorField { get; init; }

    /// <summary>The Debian packages the driver needs that are not installed (MAAS's <c>missing_packages</c>).</summary>
    public IReadOnlyList<string> MissingPackages { get; init; } = [];

    public PowerParameterField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
