using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Stores;

/// <summary>
/// The whole-table read of machines and their hardware in plain SQL over the context's connection,
/// each row turned into the Core objects by hand: EF's query pipeline and materialisers cost about
/// as much again as the database's own work for a list of 10,000 machines. Column and table names
/// are the EF model's (snake_case, quoted: both SQLite and PostgreSQL accept them); the values are
/// read as the model's conventions store them (<see cref="RowValues"/>). A <see cref="Machine"/> is
/// built as EF builds it: through its private constructor and private setters, reached with
/// <see cref="UnsafeAccessorAttribute"/> (no reflection at run time). The store contract's round-trip
/// tests compare every public property, so a column forgotten here fails them.
/// </summary>
internal static class MachineRows
{
    private const string MachineColumns = """
        SELECT "id", "system_id", "hostname", "domain", "status", "previous_status", "owner", "locked", "status_expires",
               "error_description", "error", "architecture", "power_type", "power_state", "osystem", "distro_series",
               "hwe_kernel", "min_hwe_kernel", "agent_name", "zone", "pool", "tags", "cpu_count", "cpu_speed", "cpu_model",
               "memory", "enlisting", "commissioning_result", "netboot", "enable_ssh", "created", "updated", "version",
               "bios_boot_method", "description", "requested_power", "owner_data", "power_parameters",
               "hardware_info", "hardware_uuid", "numa_nodes", "bmc_id", "power_state_queried", "script_run",
               "storage_groups", "user_data", "ephemeral_deploy", "secure_erase", "quick_erase",
               "node_devices", "modaliases", "skip_networking", "skip_storage", "claimed_power", "power_claim_expires",
               "power_claimed_by"
        FROM "machines"
        """;

    /// <summary>Every machine in id order; the protected power parameters are handed to <paramref name="powerParameters"/> if given.</summary>
    public static async Task<List<Machine>> MachinesAsync(IngotDbContext db, Func<string, Dictionary<string, string>>? powerParameters, CancellationToken ct)
    {
        await using DbCommand command = await CommandAsync(db, $"""{MachineColumns} ORDER BY "id";""", ct);
        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        return await ReadMachinesAsync(r, powerParameters, ct);
    }

    /// <summary>Every disk with its filesystem and partitions, each with the id of its machine, in disk id order (one batch of two statements).</summary>
    public static async Task<List<(long MachineId, BlockDevice Disk)>> DisksAsync(IngotDbContext db, CancellationToken ct)
    {
        await using DbCommand command = await CommandAsync(db, DisksSql(""), ct);
        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        return await ReadDisksAsync(r, ct);
    }

    /// <summary>Every interface with its links, each with the id of its machine, in interface id order (one batch of two statements).</summary>
    public static async Task<List<(long MachineId, NetworkInterface Interface)>> InterfacesAsync(IngotDbContext db, CancellationToken ct)
    {
        await using DbCommand command = await CommandAsync(db, InterfacesSql(""), ct);
        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        return await ReadInterfacesAsync(r, ct);
    }

    /// <summary>
    /// The machine with this system_id and its hardware, power parameters given to <paramref name="powerParameters"/>,
    /// in one round trip (five statements in one batch), or null.
    /// </summary>
    public static async Task<(Machine Machine, List<(long, BlockDevice)> Disks, List<(long, NetworkInterface)> Interfaces)?> FindAsync(
        IngotDbContext db, string systemId, Func<string, Dictionary<string, string>> powerParameters, CancellationToken ct)
    {
        const string Owned = """ IN (SELECT "id" FROM "machines" WHERE "system_id" = @system_id)""";
        string sql = $"""{MachineColumns} WHERE "system_id" = @system_id;""" + DisksSql(Owned) + InterfacesSql(Owned);
        await using DbCommand command = await CommandAsync(db, sql, ct);
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = "@system_id";
        parameter.Value = systemId;
        command.Parameters.Add(parameter);
        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        List<Machine> machines = await ReadMachinesAsync(r, powerParameters, ct);
        if (machines.Count == 0)
        {
            return null;
        }

        await r.NextResultAsync(ct);
        var disks = await ReadDisksAsync(r, ct);
        await r.NextResultAsync(ct);
        var interfaces = await ReadInterfacesAsync(r, ct);
        return (machines[0], disks, interfaces);
    }

    /// <summary>Disks, then partitions, of the machines whose id is <paramref name="machineIds"/> (an SQL condition on the id, or "" for all).</summary>
    private static string DisksSql(string machineIds) => $"""
        SELECT d."machine_id", d."id", d."name", d."model", d."serial", d."size_bytes", d."block_size", d."tags", d."is_boot_disk",
               f."type", f."label", f."mount_point", f."mount_options", d."id_path", d."firmware_version", d."numa_node"
        FROM "block_devices" AS d LEFT JOIN "block_device_filesystems" AS f ON f."block_device_id" = d."id"
        {Where("d.\"machine_id\"", machineIds)} ORDER BY d."id";
        SELECT p."block_device_id", p."size_bytes", p."bootable", f."type", f."label", f."mount_point", f."mount_options"
        FROM "partitions" AS p LEFT JOIN "partition_filesystems" AS f ON f."id" = p."id"
        {Where("p.\"block_device_id\"", machineIds.Length == 0 ? "" : $""" IN (SELECT "id" FROM "block_devices" WHERE "machine_id"{machineIds})""")} ORDER BY p."id";
        """;

    /// <summary>Interfaces, then links, of the machines whose id is <paramref name="machineIds"/> (an SQL condition on the id, or "" for all).</summary>
    private static string InterfacesSql(string machineIds) => $"""
        SELECT "machine_id", "id", "name", "mac_address", "type", "link_speed", "enabled", "parents", "vlan",
               "interface_speed", "link_connected", "vendor", "product", "firmware_version", "numa_node", "sriov_max_vf"
        FROM "interfaces" {Where("\"machine_id\"", machineIds)} ORDER BY "id";
        SELECT "interface_id", "mode", "subnet", "ip_address", "is_default_gateway"
        FROM "interface_links"
        {Where("\"interface_id\"", machineIds.Length == 0 ? "" : $""" IN (SELECT "id" FROM "interfaces" WHERE "machine_id"{machineIds})""")} ORDER BY "id";
        """;

    private static string Where(string column, string condition) => condition.Length == 0 ? "" : $"WHERE {column}{condition}";

    private static async Task<List<Machine>> ReadMachinesAsync(DbDataReader r, Func<string, Dictionary<string, string>>? powerParameters, CancellationToken ct)
    {
        var machines = new List<Machine>();
        while (await r.ReadAsync(ct))
        {
            machines.Add(ReadMachine(r, powerParameters));
        }

        return machines;
    }

    /// <summary>One machine from a row of the machine columns, built as EF builds it.</summary>
    private static Machine ReadMachine(DbDataReader r, Func<string, Dictionary<string, string>>? powerParameters)
    {
        Machine m = NewMachine();
        SetId(m, r.GetInt64(0));
        SetSystemId(m, r.GetString(1));
        m.Hostname = r.GetString(2);
        m.Domain = r.GetString(3);
        SetStatus(m, RowValues.Enum<MachineStatus>(r, 4));
        SetPreviousStatus(m, RowValues.Enum<MachineStatus>(r, 5));
        SetOwner(m, RowValues.NullableText(r, 6));
        SetLocked(m, r.GetBoolean(7));
        SetStatusExpires(m, RowValues.NullableInstant(r, 8));
        m.ErrorDescription = r.GetString(9);
        m.Error = r.GetString(10);
        m.Architecture = r.GetString(11);
        m.PowerType = r.GetString(12);
        m.PowerState = RowValues.Enum<PowerState>(r, 13);
        m.Osystem = r.GetString(14);
        m.DistroSeries = r.GetString(15);
        m.HweKernel = r.GetString(16);
        m.MinHweKernel = r.GetString(17);
        m.AgentName = r.GetString(18);
        m.Zone = r.GetString(19);
        m.Pool = r.GetString(20);
        m.Tags = RowValues.Strings(r, 21);
        m.CpuCount = r.GetInt32(22);
        m.CpuSpeed = r.GetInt32(23);
        m.CpuModel = r.GetString(24);
        m.Memory = r.GetInt64(25);
        m.Enlisting = r.GetBoolean(26);
        m.CommissioningResult = RowValues.NullableEnum<ScriptSetStatus>(r, 27);
        m.Netboot = r.GetBoolean(28);
        m.EnableSsh = r.GetBoolean(29);
        SetCreated(m, RowValues.Instant(r, 30));
        m.Updated = RowValues.Instant(r, 31);
        SetVersion(m, r.GetInt64(32));
        m.BiosBootMethod = r.GetString(33);
        m.Description = r.GetString(34);
        SetRequestedPower(m, RowValues.Enum<PowerRequest>(r, 35));
        m.OwnerData = RowValues.StringMap(r, 36);
        if (powerParameters is not null)
        {
            m.PowerParameters = powerParameters(r.GetString(37));
        }

        m.HardwareInfo = RowValues.StringMap(r, 38);
        m.HardwareUuid = r.GetString(39);
        m.NumaNodes = JsonSerializer.Deserialize<List<NumaNode>>(r.GetString(40)) ?? [];
        m.BmcId = r.IsDBNull(41) ? null : r.GetInt64(41);
        m.PowerStateQueried = RowValues.NullableInstant(r, 42);
        SetScriptRun(m, r.GetInt32(43));
        m.Storage = JsonSerializer.Deserialize<StorageGroups>(r.GetString(44)) ?? new();
        m.UserData = r.GetString(45);
        m.EphemeralDeploy = r.GetBoolean(46);
        m.SecureErase = r.GetBoolean(47);
        m.QuickErase = r.GetBoolean(48);
        m.NodeDevices = JsonSerializer.Deserialize<List<NodeDevice>>(r.GetString(49)) ?? [];
        m.Modaliases = RowValues.Strings(r, 50);
        m.SkipNetworking = r.GetBoolean(51);
        m.SkipStorage = r.GetBoolean(52);
        SetClaimedPower(m, RowValues.Enum<PowerRequest>(r, 53));
        SetPowerClaimExpires(m, RowValues.NullableInstant(r, 54));
        SetPowerClaimedBy(m, r.IsDBNull(55) ? null : r.GetString(55));
        return m;
    }

    private static async Task<List<(long MachineId, BlockDevice Disk)>> ReadDisksAsync(DbDataReader r, CancellationToken ct)
    {
        var disks = new List<(long, BlockDevice)>();
        var byId = new Dictionary<long, BlockDevice>();
        while (await r.ReadAsync(ct))
        {
            var disk = new BlockDevice
            {
                Id = r.GetInt64(1),
                Name = r.GetString(2),
                Model = r.GetString(3),
                Serial = r.GetString(4),
                SizeBytes = r.GetInt64(5),
                BlockSize = r.GetInt32(6),
                Tags = RowValues.Strings(r, 7),
                IsBootDisk = r.GetBoolean(8),
                Filesystem = Filesystem(r, 9),
                IdPath = r.GetString(13),
                FirmwareVersion = r.GetString(14),
                NumaNode = r.GetInt32(15),
            };
            byId[disk.Id] = disk;
            disks.Add((r.GetInt64(0), disk));
        }

        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (byId.TryGetValue(r.GetInt64(0), out BlockDevice? disk))
            {
                disk.Partitions.Add(new Partition { SizeBytes = r.GetInt64(1), Bootable = r.GetBoolean(2), Filesystem = Filesystem(r, 3) });
            }
        }

        return disks;
    }

    private static async Task<List<(long MachineId, NetworkInterface Interface)>> ReadInterfacesAsync(DbDataReader r, CancellationToken ct)
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

    private static async Task<DbCommand> CommandAsync(IngotDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>The four filesystem columns from <paramref name="first"/>: null when there is no filesystem row.</summary>
    private static Filesystem? Filesystem(DbDataReader r, int first) =>
        r.IsDBNull(first)
            ? null
            : new Filesystem
            {
                Type = r.GetString(first),
                Label = RowValues.NullableText(r, first + 1) ?? "",
                MountPoint = RowValues.NullableText(r, first + 2) ?? "",
                MountOptions = RowValues.NullableText(r, first + 3) ?? "",
            };

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Machine NewMachine();

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ScriptRun")]
    private static extern void SetScriptRun(Machine machine, int value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Machine machine, long value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_SystemId")]
    private static extern void SetSystemId(Machine machine, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Status")]
    private static extern void SetStatus(Machine machine, MachineStatus value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PreviousStatus")]
    private static extern void SetPreviousStatus(Machine machine, MachineStatus value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Owner")]
    private static extern void SetOwner(Machine machine, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Locked")]
    private static extern void SetLocked(Machine machine, bool value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_StatusExpires")]
    private static extern void SetStatusExpires(Machine machine, DateTime? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Created")]
    private static extern void SetCreated(Machine machine, DateTime value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Version")]
    private static extern void SetVersion(Machine machine, long value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_RequestedPower")]
    private static extern void SetRequestedPower(Machine machine, PowerRequest value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ClaimedPower")]
    private static extern void SetClaimedPower(Machine machine, PowerRequest value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PowerClaimExpires")]
    private static extern void SetPowerClaimExpires(Machine machine, DateTime? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PowerClaimedBy")]
    private static extern void SetPowerClaimedBy(Machine machine, string? value);

}
