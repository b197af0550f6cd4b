using System.Text;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Scripts;

namespace Ingot.Web.Machines;

/// <summary>
/// The fields of the action forms on a machine's page, as MAAS's UI sends them with
/// <c>node_action</c>: deploy (OS, release, kernel, user data, deploy to memory, hardware sync), release (erase,
/// secure or quick erase), commission and test (SSH, skip options, scripts), power off (stop mode),
/// set zone / pool, tag / untag, mark broken and lock with a comment. Each action reads only its own.
/// </summary>
public sealed class ActionForm
{
    public string Comment { get; set; } = "";

    public string Osystem { get; set; } = DeployOptions.DefaultOsystem;

    public string DistroSeries { get; set; } = "";

    public string HweKernel { get; set; } = "";

    /// <summary>Cloud-init user data as typed; sent base64-encoded, as MAAS's UI encodes the file it reads.</summary>
    public string UserData { get; set; } = "";

    public bool EphemeralDeploy { get; set; }

    /// <summary>MAAS's <c>enable_hw_sync</c>: "Periodically sync hardware".</summary>
    public bool EnableHwSync { get; set; }

    public bool Erase { get; set; }

    public bool SecureErase { get; set; }

    public bool QuickErase { get; set; }

    public bool EnableSsh { get; set; }

    public bool SkipBmcConfig { get; set; }

    public bool SkipNetworking { get; set; }

    public bool SkipStorage { get; set; }

    /// <summary>Comma-separated names or tags of commissioning scripts (empty: the defaults).</summary>
    public string CommissioningScripts { get; set; } = "";

    /// <summary>Comma-separated names or tags of testing scripts (empty: those tagged commissioning).</summary>
    public string TestingScripts { get; set; } = "";

    public StopMode StopMode { get; set; } = StopMode.Hard;

    public string Tag { get; set; } = "";

    public string Zone { get; set; } = "";

    public string Pool { get; set; } = "";

    /// <summary>Clone: the destinations chosen, by system_id.</summary>
    public HashSet<string> Destinations { get; } = new(StringComparer.Ordinal);

    public bool CloneStorage { get; set; } = true;

    public bool CloneInterfaces { get; set; } = true;

    /// <summary>The parameters Core's <see cref="MachineActions"/> takes for <paramref name="action"/>.</summary>
    public ActionParameters ToParameters(string action)
    {
        string? comment = Comment.Trim().Length > 0 ? Comment.Trim() : null;
        return action switch
        {
            NodeActions.Deploy => new ActionParameters
            {
                Comment = comment,
                Deploy = new DeployOptions(
                    Osystem: Osystem.Trim(),
                    DistroSeries: DistroSeries.Trim(),
                    HweKernel: HweKernel.Trim(),
                    EphemeralDeploy: EphemeralDeploy,
                    Comment: comment,
                    UserData: UserData.Length > 0 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(UserData)) : "",
                    EnableHwSync: EnableHwSync),
            },
            NodeActions.Release => new ActionParameters
            {
                Comment = comment,
                Release = new ReleaseOptions(Erase, Erase && SecureErase, Erase && QuickErase, comment),
            },
            NodeActions.Commission => new ActionParameters
            {
                Comment = comment,
                Commissioning = new CommissioningOptions(EnableSsh, SkipBmcConfig, SkipNetworking, SkipStorage),
                Scripts = new ScriptChoice(ScriptChoice.Split(CommissioningScripts), ScriptChoice.Split(TestingScripts), ScriptInput()),
            },
            NodeActions.Test => new ActionParameters
            {
                Comment = comment,
                EnableSsh = EnableSsh,
                Scripts = new ScriptChoice(null, ScriptChoice.Split(TestingScripts), ScriptInput()),
            },
            NodeActions.PowerOff => new ActionParameters { Comment = comment, StopMode = StopMode },
            NodeActions.Tag or NodeActions.Untag => new ActionParameters { Tag = Tag.Trim() },
            NodeActions.SetZone => new ActionParameters { Zone = Zone },
            NodeActions.SetPool => new ActionParameters { Pool = Pool },
            NodeActions.Clone => new ActionParameters { Cloning = new CloneParameters([.. Destinations.Order(StringComparer.Ordinal)], CloneStorage, CloneInterfaces) },
            _ => new ActionParameters { Comment = comment },
        };
    }

    /// <summary>Script parameters as the API takes them (<c>&lt;script&gt;_&lt;param&gt;</c> → value), the empty ones left out.</summary>
    public Dictionary<string, string> ScriptParameters { get; } = new(StringComparer.Ordinal);

    private Dictionary<string, string> ScriptInput() =>
        ScriptParameters.Where(p => p.Value.Trim().Length > 0).ToDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.Ordinal);
}
