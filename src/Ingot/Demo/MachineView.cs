using System.Text.Json.Nodes;

namespace Ingot.Demo;

/// <summary>One machine as the machines list shows it: system_id, hostname, status, power state and MACs.</summary>
public sealed record MachineView(string SystemId, string Hostname, string Status, string Power, IReadOnlyList<string> Macs)
{
    public static MachineView From(JsonNode machine) => new(
        machine["system_id"]!.GetValue<string>(),
        machine["hostname"]?.GetValue<string>() ?? "",
        machine["status_name"]?.GetValue<string>() ?? "",
        machine["power_state"]?.GetValue<string>() ?? "",
        [.. (machine["interface_set"]?.AsArray() ?? []).Select(i => i?["mac_address"]?.GetValue<string>() ?? "").Where(m => m.Length > 0)]);
}
