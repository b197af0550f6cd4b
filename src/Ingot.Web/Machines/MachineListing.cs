using Ingot.Core.Machines;
using Ingot.Core.Machines.Changes;
using Microsoft.Extensions.Logging;

namespace Ingot.Web.Machines;

/// <summary>
/// Every machine as a <see cref="MachineRow"/>, held in memory for the machines list: read from the
/// store once (on first use), then kept current from the <see cref="MachineChangeFeed"/> by reading
/// back only the machines that changed. <see cref="Changed"/> tells the open pages to re-filter.
/// </summary>
public sealed partial class MachineListing : IDisposable
{
    private readonly IMachineStore _store;
    private readonly MachineChangeFeed _feed;
    private readonly ILogger<MachineListing> _logger;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Version, MachineRow Row)> _rows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deletedWhileLoading = new(StringComparer.Ordinal);
    private IReadOnlyList<MachineRow>? _snapshot;
    private bool _loaded;

    public MachineListing(IMachineStore store, MachineChangeFeed feed, ILogger<MachineListing> logger)
    {
        _store = store;
        _feed = feed;
        _logger = logger;
        _feed.Changed += OnMachinesChanged;
    }

    /// <summary>Raised after rows changed (on a thread-pool thread).</summary>
    public event Action? Changed;

    /// <summary>The current rows (an immutable snapshot; unordered).</summary>
    public async Task<IReadOnlyList<MachineRow>> RowsAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _snapshot) is { } ready)
        {
            return ready;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is null)
            {
                IReadOnlyList<Machine> machines = await _store.ListAsync(MachineQuery.ForDisplay, ct);
                lock (_lock)
                {
                    foreach (Machine machine in machines)
                    {
                        if (!_deletedWhileLoading.Contains(machine.SystemId))
                        {
                            Put(machine);
                        }
                    }

                    _loaded = true;
                    _deletedWhileLoading.Clear();
                    Publish();
                }
            }

            return _snapshot!;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose()
    {
        _feed.Changed -= OnMachinesChanged;
        _loading.Dispose();
    }

    private void OnMachinesChanged(IReadOnlyList<string> systemIds) => _ = RefreshAsync(systemIds);

    private async Task RefreshAsync(IReadOnlyList<string> systemIds)
    {
        try
        {
            var found = new List<(string SystemId, Machine? Machine)>(systemIds.Count);
            foreach (string systemId in systemIds.Distinct(StringComparer.Ordinal))
            {
                found.Add((systemId, await _store.FindAsync(systemId, CancellationToken.None)));
            }

            lock (_lock)
            {
                foreach ((string systemId, Machine? machine) in found)
                {
                    if (machine is null)
                    {
                        _rows.Remove(systemId);
                        if (!_loaded)
                        {
                            _deletedWhileLoading.Add(systemId);
                        }
                    }
                    else
                    {
                        Put(machine);
                    }
                }

                if (_loaded)
                {
                    Publish();
                }
            }

            Changed?.Invoke();
        }
        catch (Exception e)
        {
            LogRefreshFailed(_logger, e, systemIds.Count);
        }
    }

    /// <summary>Keeps the newer of the stored row and <paramref name="machine"/> (two refreshes may finish out of order).</summary>
    private void Put(Machine machine)
    {
        if (!_rows.TryGetValue(machine.SystemId, out var current) || current.Version <= machine.Version)
        {
            _rows[machine.SystemId] = (machine.Version, MachineRow.From(machine));
        }
    }

    private void Publish() => Volatile.Write(ref _snapshot, [.. _rows.Values.Select(v => v.Row)]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading back {Count} changed machine(s) for the machines list failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, int count);
}
