namespace Ingot.Core.BootResources;

/// <summary>
/// A boot resource (MAAS's <c>BootResource</c>): an image named <c>os/series</c> (<c>ubuntu/noble</c>,
/// <c>custom/foo</c>) for one architecture written <c>arch/subarch</c> (<c>amd64/generic</c>), with its
/// versions (<see cref="Sets"/>) and free-form <see cref="Extra"/> fields (title, subarches, kflavor…)
/// that the API shows next to the fixed ones.
/// </summary>
public sealed class BootResource
{
    public long Id { get; set; }

    public BootResourceType Type { get; set; }

    public required string Name { get; set; }

    public required string Architecture { get; set; }

    public string BaseImage { get; set; } = "";

    public Dictionary<string, string> Extra { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public List<BootResourceSet> Sets { get; set; } = [];

    /// <summary>The operating system: the part of <see cref="Name"/> before the slash.</summary>
    public string Osystem => Name.Split('/', 2)[0];

    /// <summary>The series (release): the part of <see cref="Name"/> after the slash.</summary>
    public string Series => Name.Split('/', 2) is [_, string series] ? series : "";

    /// <summary>The newest set whose files are all complete, or null.</summary>
    public BootResourceSet? LatestCompleteSet =>
        Sets.Where(s => s.Complete).OrderByDescending(s => s.Version, StringComparer.Ordinal).ThenByDescending(s => s.Id).FirstOrDefault();
}
