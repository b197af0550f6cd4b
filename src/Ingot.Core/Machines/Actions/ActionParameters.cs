using Ingot.Core.Scripts;

namespace Ingot.Core.Machines.Actions;

/// <summary>The parameters a UI action may carry; each action reads only its own.</summary>
public sealed record ActionParameters
{
    public static ActionParameters None { get; } = new();

    public string? Comment { get; init; }

    public CommissioningOptions Commissioning { get; init; } = CommissioningOptions.Default;

    /// <summary>Commission and test: the scripts and parameters of the run.</summary>
    public ScriptChoice Scripts { get; init; } = ScriptChoice.Default;

    /// <summary>Test: enable_ssh.</summary>
    public bool EnableSsh { get; init; }

    public DeployOptions Deploy { get; init; } = DeployOptions.Default;

    public ReleaseOptions Release { get; init; } = ReleaseOptions.Default;

    public StopMode StopMode { get; init; } = StopMode.Hard;

    /// <summary>Tag / untag: the tag name.</summary>
    public string Tag { get; init; } = "";

    /// <summary>Set zone: the zone name.</summary>
    public string Zone { get; init; } = "";

    /// <summary>Set pool: the resource pool name.</summary>
    public string Pool { get; init; } = "";

    /// <summary>Clone: the destinations and whether to copy storage and/or interfaces.</summary>
    public CloneParameters Cloning { get; init; } = CloneParameters.None;
}
