using System.Data.Common;
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
/// built as EF builds it: through its private constructor and private setters (<see cref="MachineSetters"/>). The store contract's round-trip
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
               "power_claimed_by", "boot_interface_mac", "power_claim_booted", "enable_hw_sync", "last_sync", "sync_interval"
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
        await using DbCommand command = await CommandAsync(db, DiskRows.Sql(""), ct);
        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        return await DiskRows.ReadAsync(r, ct);
    }

    /// <summary>Every interface with its links, each with the id of its machine, in interface id order (one batch of two statements).</summary>
    public static async Task<List<(long MachineId, NetworkInterface Interface)>> InterfacesAsync(IngotDbContext db, CancellationToken ct)
    {
        await using DbCommand command = await CommandAsync(db, InterfaceRows.Sql(""), ct);
        await using DbDataReader r = await command.ExecuteReaderAsync(ct);
        return await InterfaceRows.ReadAsync(r, ct);
    }

    /// <summary>
    /// The machine with this system_id and its hardware, power parameters given to <paramref name="powerParameters"/>,
    /// in one round trip (five statements in one batch), or null.
    /// </summary>
    public static async Task<(Machine Machine, List<(long, BlockDevice)> Disks, List<(long, NetworkInterface)> Interfaces)?> FindAsync(
        IngotDbContext db, string systemId, Func<string, Dictionary<string, string>> powerParameters, CancellationToken ct)
    {
        const string Owned = """ IN (SELECT "id" FROM "machines" WHERE "system_id" = @system_id)""";
        string sql = $"""{MachineColumns} WHERE "system_id" = @system_id;""" + DiskRows.Sql(Owned) + InterfaceRows.Sql(Owned);
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
        var disks = await DiskRows.ReadAsync(r, ct);
        await r.NextResultAsync(ct);
        var interfaces = await InterfaceRows.ReadAsync(r, ct);
        return (machines[0], disks, interfaces);
    }

    /// <summary>"WHERE column condition", or nothing for an empty condition.</summary>
    public static string Where(string column, string condition) => condition.Length == 0 ? "" : $"WHERE {column}{condition}";

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
        Machine m = MachineSetters.NewMachine();
        MachineSetters.SetId(m, r.GetInt64(0));
        MachineSetters.SetSystemId(m, r.GetString(1));
        m.Hostname = r.GetString(2);
        m.Domain = r.GetString(3);
        MachineSetters.SetStatus(m, RowValues.Enum<MachineStatus>(r, 4));
        MachineSetters.SetPreviousStatus(m, RowValues.Enum<MachineStatus>(r, 5));
        MachineSetters.SetOwner(m, RowValues.NullableText(r, 6));
        MachineSetters.SetLocked(m, r.GetBoolean(7));
        MachineSetters.SetStatusExpires(m, RowValues.NullableInstant(r, 8));
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
        MachineSetters.SetCreated(m, RowValues.Instant(r, 30));
        m.Updated = RowValues.Instant(r, 31);
        MachineSetters.SetVersion(m, r.GetInt64(32));
        m.BiosBootMethod = r.GetString(33);
        m.Description = r.GetString(34);
        MachineSetters.SetRequestedPower(m, RowValues.Enum<PowerRequest>(r, 35));
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
        MachineSetters.SetScriptRun(m, r.GetInt32(43));
        m.Storage = JsonSerializer.Deserialize<StorageGroups>(r.GetString(44)) ?? new();
        m.UserData = r.GetString(45);
        m.EphemeralDeploy = r.GetBoolean(46);
        m.SecureErase = r.GetBoolean(47);
        m.QuickErase = r.GetBoolean(48);
        m.NodeDevices = JsonSerializer.Deserialize<List<NodeDevice>>(r.GetString(49)) ?? [];
        m.Modaliases = RowValues.Strings(r, 50);
        m.SkipNetworking = r.GetBoolean(51);
        m.SkipStorage = r.GetBoolean(52);
        MachineSetters.SetClaimedPower(m, RowValues.Enum<PowerRequest>(r, 53));
        MachineSetters.SetPowerClaimExpires(m, RowValues.NullableInstant(r, 54));
        MachineSetters.SetPowerClaimedBy(m, r.IsDBNull(55) ? null : r.GetString(55));
        m.BootInterfaceMac = r.IsDBNull(56) ? null : MacAddress.Parse(r.GetString(56));
        MachineSetters.SetPowerClaimBooted(m, RowValues.NullableInstant(r, 57));
        MachineSetters.SetEnableHwSync(m, r.GetBoolean(58));
        MachineSetters.SetLastSync(m, RowValues.NullableInstant(r, 59));
        MachineSetters.SetSyncInterval(m, r.IsDBNull(60) ? null : r.GetInt32(60));
        return m;
    }

    public static async Task<DbCommand> CommandAsync(IngotDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
