namespace Ingot.Core.Zones;

/// <summary>
/// A physical zone (MAAS's <c>Zone</c>): a named group of machines, e.g. a rack or a room. The
/// <see cref="DefaultName"/> zone always exists and cannot be deleted; machines of a deleted zone
/// move to it. Machines refer to their zone by name (<see cref="Machines.Machine.Zone"/>).
/// </summary>
public sealed class Zone
{
    public const string DefaultName = "default";

    public long Id { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public bool IsDefault => Name == DefaultName;
}
