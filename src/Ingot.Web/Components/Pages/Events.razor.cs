using System.Globalization;
using Ingot.Core.Events;
using Ingot.Core.Machines.Changes;
using Ingot.Core.Users;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// The events page: Core's <see cref="IEventLog"/> read with the API's own filter (<see cref="EventFilter.Parse"/>:
/// the same levels, visibility and refusals as <c>events/?op=query</c>), filtered by machine (a system_id, else
/// a hostname) and level, 100 at a time with "Older events" (<c>before</c>). Machine changes (which write
/// events) reload the first page while it is shown.
/// </summary>
public sealed partial class Events
{
    private const int PageSize = 100;

    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<LoggedEvent> _events = [];
    private IReadOnlyList<string> _hostnames = [];
    private HashSet<string> _systemIds = new(StringComparer.Ordinal);
    private string _machine = "";
    private string _level = "INFO";
    private long? _before;
    private string? _error;
    private int _reloadQueued;

    private static IReadOnlyList<string> Levels { get; } = ["DEBUG", "INFO", "WARNING", "ERROR", "AUDIT"];

    [Inject]
    private IEventLog Log { get; set; } = default!;

    [Inject]
    private MachineListing Listing { get; set; } = default!;

    [Inject]
    private MachineChangeFeed Feed { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (await Session.ActorAsync(_disposed.Token) is { } actor)
        {
            List<MachineRow> rows = new MachineListQuery().Filter(await Listing.RowsAsync(_disposed.Token), actor);
            _hostnames = [.. rows.Select(r => r.Hostname).Order(StringComparer.Ordinal)];
            _systemIds = rows.Select(r => r.SystemId).ToHashSet(StringComparer.Ordinal);
        }

        await LoadAsync();
        Feed.Changed += OnMachinesChanged;
    }

    public void Dispose()
    {
        Feed.Changed -= OnMachinesChanged;
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private Task SearchAsync()
    {
        _before = null;
        return LoadAsync();
    }

    private Task OlderAsync()
    {
        _before = _events.Count > 0 ? _events[^1].Event.Id : null;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (await Session.ActorAsync(_disposed.Token) is not Actor actor)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["level"] = [_level],
            ["limit"] = [PageSize.ToString(CultureInfo.InvariantCulture)],
        };
        string machine = _machine.Trim();
        if (machine.Length > 0)
        {
            values[_systemIds.Contains(machine) ? "id" : "hostname"] = [machine];
        }

        if (_before is long before)
        {
            values["before"] = [before.ToString(CultureInfo.InvariantCulture)];
        }

        try
        {
            _events = await Log.QueryAsync(EventFilter.Parse(name => values.GetValueOrDefault(name, []), actor), _disposed.Token);
            _error = null;
        }
        catch (Core.Machines.MachineOperationException e)
        {
            _error = e.Message;
        }
    }

    private void OnMachinesChanged(IReadOnlyList<string> systemIds)
    {
        if (_before is not null || Interlocked.Exchange(ref _reloadQueued, 1) == 1)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            Volatile.Write(ref _reloadQueued, 0);
            try
            {
                await LoadAsync();
                StateHasChanged();
            }
            catch (OperationCanceledException)
            {
                // The page closed.
            }
        });
    }
}
