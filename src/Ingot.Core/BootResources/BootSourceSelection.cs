namespace Ingot.Core.BootResources;

/// <summary>
/// What to import from a boot source (MAAS's <c>BootSourceSelection</c>): one os and release, and the
/// architectures, subarchitectures and labels wanted (<c>*</c> means all).
/// </summary>
public sealed class BootSourceSelection
{
    public long Id { get; set; }

    public long BootSourceId { get; set; }

    public string Os { get; set; } = "ubuntu";

    public required string Release { get; set; }

    public List<string> Arches { get; set; } = ["*"];

    public List<string> Subarches { get; set; } = ["*"];

    public List<string> Labels { get; set; } = ["*"];

    /// <summary>Whether an image of this os, release, arch, subarch and label is selected.</summary>
    public bool Selects(string os, string release, string arch, string subarch, string label) =>
        Os == os && Release == release && Matches(Arches, arch) && Matches(Subarches, subarch) && Matches(Labels, label);

    private static bool Matches(List<string> wanted, string value) => wanted.Contains("*") || wanted.Contains(value);
}
