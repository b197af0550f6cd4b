namespace Ingot.Core.Inventory;

/// <summary>
/// A machine's commissioning details that tags are evaluated over and the <c>details</c> op returns
/// (MAAS's <c>get_single_probed_details</c>): the lshw XML and the LLDP XML, each null when never
/// collected.
/// </summary>
public sealed record HardwareDetails(byte[]? Lshw, byte[]? Lldp)
{
    public const string LshwName = "lshw";

    public const string LldpName = "lldp";

    public static HardwareDetails None { get; } = new(null, null);
}
