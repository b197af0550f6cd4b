namespace Ingot.Web.Machines;

/// <summary>One machine behind the BMC on the "Add from a BMC" page: its own fields, and how adding it ended.</summary>
public sealed class BmcMachineEntry
{
    public string Hostname { get; set; } = "";

    /// <summary>MACs, one per line or comma-separated.</summary>
    public string Macs { get; set; } = "";

    /// <summary>The power type's machine-scoped parameters (e.g. redfish's node_id, ipmi's power MAC).</summary>
    public Dictionary<string, string> Parameters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The system_id once added.</summary>
    public string? SystemId { get; set; }

    /// <summary>Why it was refused, as the API words it.</summary>
    public string? Error { get; set; }
}
