namespace Ingot.Core.Machines.Editing;

/// <summary>
/// The fields of <c>PUT /machines/{system_id}/</c> (MAAS's <c>AdminMachineWithMACAddressesForm</c> on
/// update), as sent: null means "not given, keep". <see cref="CpuCount"/> and <see cref="Memory"/> are
/// the raw text so that a bad number gets Django's field error. <see cref="PowerParameters"/> are the
/// <c>power_parameters_&lt;name&gt;</c> fields, merged over the stored ones.
/// </summary>
public sealed record MachineEdit
{
    public string? Hostname { get; init; }

    public string? Description { get; init; }

    public string? Domain { get; init; }

    public string? Architecture { get; init; }

    public string? MinHweKernel { get; init; }

    public string? PowerType { get; init; }

    public IReadOnlyDictionary<string, string> PowerParameters { get; init; } = new Dictionary<string, string>();

    /// <summary><c>power_parameters_skip_check</c>: store the parameters without checking them against the driver.</summary>
    public bool SkipPowerCheck { get; init; }

    public string? Zone { get; init; }

    public string? Pool { get; init; }

    public string? CpuCount { get; init; }

    public string? Memory { get; init; }
}
