using Ingot.Core.Machines;
using Microsoft.Data.Sqlite;

namespace Ingot.Benchmarks.Storm;

/// <summary>
/// Watches the storm from Ingot's SQLite file (read-only, so the watching costs Ingot no API work):
/// each machine's status, and when each was first seen READY. The operator's one action, accepting
/// NEW machines, goes through the API (<c>op=accept_all</c>).
/// </summary>
internal sealed class StormObserver(string databasePath)
{
    private readonly Dictionary<string, TimeSpan> _ready = new(StringComparer.Ordinal);
    private readonly HashSet<string> _commissioning = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TimeSpan> FirstReady => _ready;

    /// <summary>Machines seen COMMISSIONING at least once (accepted).</summary>
    public IReadOnlySet<string> SeenCommissioning => _commissioning;

    /// <summary>Every machine's system_id, status and error_description.</summary>
    public async Task<IReadOnlyList<(string SystemId, MachineStatus Status, string Error)>> StatusesAsync(TimeSpan elapsed, CancellationToken ct)
    {
        var rows = new List<(string, MachineStatus, string)>();
        await using SqliteConnection connection = Open();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """SELECT "system_id", "status", "error_description" FROM "machines" """;
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // Stored by name (EF's string conversion).
            MachineStatus status = Enum.Parse<MachineStatus>(reader.GetString(1));
            string id = reader.GetString(0);
            rows.Add((id, status, reader.IsDBNull(2) ? "" : reader.GetString(2)));
            if (status == MachineStatus.Ready)
            {
                _ready.TryAdd(id, elapsed);
            }
            else if (status == MachineStatus.Commissioning)
            {
                _commissioning.Add(id);
            }
        }

        return rows;
    }

    /// <summary>Boot MAC (lower case) → system_id, for every interface Ingot knows.</summary>
    public async Task<Dictionary<string, string>> MachinesByMacAsync(CancellationToken ct)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using SqliteConnection connection = Open();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """SELECT i."mac_address", m."system_id" FROM "interfaces" i JOIN "machines" m ON m."id" = i."machine_id" """;
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (!reader.IsDBNull(0))
            {
                map.TryAdd(reader.GetValue(0).ToString()!.ToLowerInvariant(), reader.GetString(1));
            }
        }

        return map;
    }

    /// <summary>
    /// READY machines whose last commissioning set still has a result pending or running: READY without their
    /// commissioning having run (the eighteenth session's storm had 160, found by <c>commissioning_status</c>'s rollup).
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadyWithoutCommissioningAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        await using SqliteConnection connection = Open();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT m."system_id" FROM "machines" m
            JOIN "script_sets" s ON s."system_id" = m."system_id" AND s."kind" = 'Commissioning'
                AND s."run" = (SELECT MAX(l."run") FROM "script_sets" l WHERE l."system_id" = m."system_id" AND l."kind" = 'Commissioning')
            WHERE m."status" = 'Ready'
                AND EXISTS (SELECT 1 FROM "script_results" r WHERE r."script_set_id" = s."id" AND r."status" IN ('Pending', 'Running'))
            """;
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
