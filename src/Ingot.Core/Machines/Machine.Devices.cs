using Ingot.Core.Hardware;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>The PCI and USB devices the last commissioning found (MAAS's <c>NodeDevice</c>s), in the order reported.</summary>
    public List<NodeDevice> NodeDevices { get; set; } = [];

    /// <summary>The modaliases the last commissioning listed (MAAS's <c>Node.modaliases</c>), for <c>for_hardware</c>.</summary>
    public List<string> Modaliases { get; set; } = [];

    /// <summary>MAAS's <c>skip_networking</c>: the last commissioning keeps the interfaces' configuration.</summary>
    public bool SkipNetworking { get; set; }

    /// <summary>MAAS's <c>skip_storage</c>: the last commissioning keeps the storage configuration and sets no default layout.</summary>
    public bool SkipStorage { get; set; }

    /// <summary>
    /// The output of <c>maas-list-modaliases</c> (one modalias a line) as the machine's modaliases,
    /// blank lines dropped, duplicates kept once.
    /// </summary>
    public void ApplyModaliases(string output, DateTime now)
    {
        Modaliases = [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
        Updated = now;
    }

    /// <summary>
    /// <c>start_commissioning</c>'s reset: unless <paramref name="skipStorage"/>, the storage configuration
    /// (partitions, filesystems, volume groups, RAIDs...) is cleared; unless <paramref name="skipNetworking"/>,
    /// every interface loses its links. The flags are kept for the end of commissioning.
    /// </summary>
    public void ResetConfigurationForCommissioning(bool skipNetworking, bool skipStorage)
    {
        SkipNetworking = skipNetworking;
        SkipStorage = skipStorage;
        if (!skipStorage)
        {
            Ingot.Core.Storage.StorageLayout.Clear(this);
        }

        if (!skipNetworking)
        {
            foreach (NetworkInterface nic in Interfaces)
            {
                nic.Links.Clear();
            }
        }
    }
}
