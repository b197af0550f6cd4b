namespace Ingot.Core.Enlistment;

/// <summary>
/// The parameters of <c>POST /machines/</c> (MAAS's machine create form), as the API parsed them.
/// Null means "not given"; <see cref="PowerType"/> null is MAAS's "unknown". <see cref="Commission"/>
/// null takes the entry point's default: true for a logged-in user, false for anonymous enlistment.
/// </summary>
public sealed record MachineRequest
{
    public string? Hostname { get; init; }

    /// <summary><c>architecture</c>, e.g. <c>amd64/generic</c> or <c>amd64</c> (then <c>/generic</c> is assumed).</summary>
    public string? Architecture { get; init; }

    /// <summary><c>subarchitecture</c>, joined to an architecture given without '/'.</summary>
    public string? Subarchitecture { get; init; }

    public string? MinHweKernel { get; init; }

    public IReadOnlyList<string> MacAddresses { get; init; } = [];

    public string? PowerType { get; init; }

    public IReadOnlyDictionary<string, string> PowerParameters { get; init; } = new Dictionary<string, string>();

    /// <summary><c>power_parameters_skip_check</c>: store the parameters without checking them against the driver.</summary>
    public bool SkipPowerCheck { get; init; }

    public string? Domain { get; init; }

    public string? Zone { get; init; }

    public string? Pool { get; init; }

    public string? Description { get; init; }

    public bool? Commission { get; init; }

    public bool Deployed { get; init; }

    /// <summary>Added from a chassis (<c>add_chassis</c>): MAC addresses are optional, as the chassis may not report them.</summary>
    public bool FromChassis { get; init; }
}
