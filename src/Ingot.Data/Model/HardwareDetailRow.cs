namespace Ingot.Data.Model;

/// <summary>One commissioning detail blob of a machine (<c>lshw</c> or <c>lldp</c> XML), keyed by machine and name.</summary>
internal sealed class HardwareDetailRow
{
    public long MachineId { get; set; }

    public required string Name { get; set; }

    public required byte[] Data { get; set; }
}
