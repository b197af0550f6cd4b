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

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
