namespace Ingot.Core.Enlistment.Chassis;

/// <summary>The checked parameters of <c>POST machines/?op=add_chassis</c> (see <see cref="ChassisForm"/>).</summary>
public sealed record ChassisRequest
{
    public required string ChassisType { get; init; }

    public required string Hostname { get; init; }

    public string Username { get; init; } = "";

    public string Password { get; init; } = "";

    /// <summary><c>accept_all</c>: commission every machine added.</summary>
    public bool AcceptAll { get; init; }

    /// <summary><c>domain</c>: a domain's id or name, or null.</summary>
    public string? Domain { get; init; }

    /// <summary><c>prefix_filter</c>: only the chassis's machines whose id starts with this.</summary>
    public string? PrefixFilter { get; init; }
}
