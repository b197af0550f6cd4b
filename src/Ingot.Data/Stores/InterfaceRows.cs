using System.Data.Common;
using Ingot.Core.Hardware;

namespace Ingot.Data.Stores;

/// <summary>
/// Network interfaces with their links in plain SQL (see <see cref="MachineRows"/>): the statements
/// and the reading of their rows.
/// </summary>
internal static class InterfaceRows
{
    /// <summary>Interfaces, then links, of the machines whose id is <paramref name="machineIds"/> (an SQL condition on the id, or "" for all).</summary>
    public static string Sql(string machineIds) => $"""
        SELECT "machine_id", "id", "name", "mac_address", "type", "link_speed", "enabled", "parents", "vlan",
               "interface_speed", "link_connected", "vendor", "product", "firmware_version", "numa_node", "sriov_max_vf",
               "tags", "params"
        FROM "interfaces" {MachineRows.Where("\"machine_id\"", machineIds)} ORDER BY "id";
        SELECT "interface_id", "mode", "subnet", "ip_address", "is_default_gateway"
        FROM "interface_links"
        {MachineRows.Where("\"interface_id\"", machineIds.Length == 0 ? "" : $""" IN (SELECT "id" FROM "interfaces" WHERE "machine_id"{machineIds})""")} ORDER BY "id";
        """;

    public static async Task<List<(long MachineId, NetworkInterface Interface)>> ReadAsync(DbDataReader r, CancellationToken ct)
    {
        var interfaces = new List<(long, NetworkInterface)>();
        var byId = new Dictionary<long, NetworkInterface>();
        while (await r.ReadAsync(ct))
        {
            var nic = new NetworkInterface
            {
                Id = r.GetInt64(1),
                Name = r.GetString(2),
                MacAddress = MacAddress.Parse(r.GetString(3)),
                Type = RowValues.Enum<InterfaceType>(r, 4),
                LinkSpeed = r.GetInt32(5),
                Enabled = r.GetBoolean(6),
                Parents = RowValues.Strings(r, 7),
                Vlan = RowValues.NullableInt(r, 8),
                InterfaceSpeed = r.GetInt32(9),
                LinkConnected = r.GetBoolean(10),
                Vendor = r.GetString(11),
                Product = r.GetString(12),
                FirmwareVersion = r.GetString(13),
                NumaNode = r.GetInt32(14),
                SriovMaxVf = r.GetInt32(15),
                Tags = RowValues.Strings(r, 16),
                Params = InterfaceParamsColumn.Read(r.GetString(17)),
            };
            byId[nic.Id] = nic;
            interfaces.Add((r.GetInt64(0), nic));
        }

        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (byId.TryGetValue(r.GetInt64(0), out NetworkInterface? nic))
            {
                nic.Links.Add(new InterfaceLink
                {
                    Mode = RowValues.Enum<LinkMode>(r, 1),
                    Subnet = RowValues.NullableText(r, 2),
                    IpAddress = RowValues.NullableText(r, 3),
                    IsDefaultGateway = r.GetBoolean(4),
                });
            }
        }

        return interfaces;
    }
}
