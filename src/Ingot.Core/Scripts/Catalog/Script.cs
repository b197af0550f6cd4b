namespace Ingot.Core.Scripts.Catalog;

/// <summary>
/// A script MAAS can run on a machine (MAAS's <c>Script</c>): a built-in (<see cref="Default"/>, from
/// <see cref="BuiltInScripts"/>, never stored) or a user script with its versions (newest last).
/// </summary>
public sealed class Script
{
    /// <summary>User scripts' ids (and their versions' ids) start above the built-ins' fixed ids.</summary>
    public const long UserIdBase = 1000;

    /// <summary>The database key (0 for a built-in or an unsaved script).</summary>
    public long RowId { get; set; }

    /// <summary>The fixed id of a built-in.</summary>
    public int? BuiltInId { get; set; }

    /// <summary>MAAS's <c>id</c>, which <c>scripts/{id}</c> and <c>commissioning_scripts</c> accept.</summary>
    public long Id => BuiltInId ?? UserIdBase + RowId;

    public required string Name { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public ScriptType Type { get; set; } = ScriptType.Testing;

    /// <summary>MAAS's <c>HARDWARE_TYPE</c>: 0 node, 1 cpu, 2 memory, 3 storage, 4 network, 5 gpu.</summary>
    public int HardwareType { get; set; }

    /// <summary>MAAS's <c>SCRIPT_PARALLEL</c>: 0 disabled, 1 instance, 2 any.</summary>
    public int Parallel { get; set; }

    /// <summary>0 is no timeout.</summary>
    public int TimeoutSeconds { get; set; }

    public bool Destructive { get; set; }

    /// <summary>True only for the scripts Ingot ships.</summary>
    public bool Default => BuiltInId is not null;

    public bool MayReboot { get; set; }

    public bool Recommission { get; set; }

    public bool ApplyConfiguredNetworking { get; set; }

    /// <summary>The parameters the script takes (MAAS's <c>parameters</c>), a JSON object.</summary>
    public string Parameters { get; set; } = "{}";

    /// <summary>The results the script reports (MAAS's <c>results</c>), JSON.</summary>
    public string Results { get; set; } = "{}";

    /// <summary>Packages to install before it runs (MAAS's <c>packages</c>), a JSON object.</summary>
    public string Packages { get; set; } = "{}";

    public List<string> ForHardware { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    /// <summary>Every stored version, oldest first; the last is the current text.</summary>
    public List<ScriptVersion> Versions { get; set; } = [];

    public ScriptVersion Current => Versions[^1];

    /// <summary>A version's id as MAAS shows it (<c>script_version_id</c>, history <c>id</c>).</summary>
    public long VersionId(ScriptVersion version) => BuiltInId ?? UserIdBase + version.RowId;

    /// <summary>
    /// <c>Script.save</c>: the <c>destructive</c> tag follows <see cref="Destructive"/>, and the
    /// hardware type's name is the one hardware tag.
    /// </summary>
    public void NormaliseTags()
    {
        SetTag("destructive", Destructive);
        for (int type = 0; type < ScriptChoices.HardwareTypeNames.Count; type++)
        {
            SetTag(ScriptChoices.HardwareTypeNames[type].ToLowerInvariant(), type == HardwareType);
        }
    }

    public void AddTag(string tag)
    {
        if (!Tags.Contains(tag))
        {
            Tags.Add(tag);
        }
    }

    public void RemoveTag(string tag) => Tags.Remove(tag);

    private void SetTag(string tag, bool on)
    {
        if (on)
        {
            AddTag(tag);
        }
        else
        {
            RemoveTag(tag);
        }
    }
}
