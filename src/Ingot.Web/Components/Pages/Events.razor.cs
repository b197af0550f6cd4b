using Ingot.Core.Events;
using Ingot.Core.Machines.Changes;
using Ingot.Core.Users;
using Ingot.Core.Zones;
using Ingot.Web.Events;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// The events page: Core's <see cref="IEventLog"/> read with the API's own filter (<see cref="EventSearch"/> →
/// <see cref="EventFilter.Parse"/>: the same levels, zone, owner, visibility and refusals as
/// <c>events/?op=query</c>) plus free text, all in SQL; 100 at a time with "Older events" (<c>before</c>). The
/// filters live in the address (a search navigates to it), so a filtered view can be linked and is rendered
/// filtered from the first byte. Machine changes (which write events) reload the first page while it is shown.
/// </summary>
public sealed partial class Events
{
    private const int PageSize = 100;

    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<LoggedEvent> _events = [];
    private IReadOnlyList<string> _hostnames = [];
    private IReadOnlyList<string> _zones = [];
    private IReadOnlyList<string> _usernames = [];
    private HashSet<string> _systemIds = new(StringComparer.Ordinal);
    private EventSearch _applied = new();
    private EventSearch _form = new();
    private long? _before;
    private string? _error;
    private int _reloadQueued;

    private static IReadOnlyList<string> Levels { get; } = ["DEBUG", "INFO", "WARNING", "ERROR", "AUDIT"];

    [SupplyParameterFromQuery(Name = "q")]
    public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "machine")]
    public string? MachineName { get; set; }

    [SupplyParameterFromQuery(Name = "zone")]
    public string? Zone { get; set; }

    [SupplyParameterFromQuery(Name = "owner")]
    public string? Owner { get; set; }

    [SupplyParameterFromQuery(Name = "level")]
    public string? Level { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    public string? Type { get; set; }

    [Inject]
    private IEventLog Log { get; set; } = default!;

    [Inject]
    private MachineListing Listing { get; set; } = default!;

    [Inject]
    private MachineChangeFeed Feed { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (await Session.ActorAsync(_disposed.Token) is { } actor)
        {
            List<MachineRow> rows = new MachineListQuery().Filter(await Listing.RowsAsync(_disposed.Token), actor);
            _hostnames = [.. rows.Select(r => r.Hostname).Order(StringComparer.Ordinal)];
            _systemIds = rows.Select(r => r.SystemId).ToHashSet(StringComparer.Ordinal);
            _zones = [.. (await Services.GetRequiredService<IZoneStore>().ListAsync(_disposed.Token)).Select(z => z.Name).Order(StringComparer.Ordinal)];
            _usernames = actor.IsAdmin && Services.GetService<IUserStore>() is { } users
                ? [.. (await users.ListAsync(_disposed.Token)).Select(u => u.Username).Order(StringComparer.Ordinal)]
                : actor.Username is { } name ? [name] : [];
        }

        Feed.Changed += OnMachinesChanged;
    }

    /// <summary>The address changed (first load, a search, back/forward): the filters are read from it.</summary>
    protected override Task OnParametersSetAsync()
    {
        _applied = new EventSearch
        {
            Text = Text ?? "",
            Machine = MachineName ?? "",
            Zone = Zone ?? "",
            Owner = Owner ?? "",
            Level = Level is { Length: > 0 } level ? level : EventSearch.DefaultLevel,
            Type = Type ?? "",
        };
        _form = _applied.Copy();
        _before = null;
        return LoadAsync();
    }

    public void Dispose()
    {
        Feed.Changed -= OnMachinesChanged;
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private void SearchAsync() =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(Navigation.ToAbsoluteUri(WebUiPaths.Events).ToString(), _form.Parameters()));

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

        try
        {
            _events = await Log.QueryAsync(_applied.Query(actor, _systemIds, PageSize, _before), _disposed.Token);
            _error = null;
        }
        catch (Core.Machines.MachineOperationException e)
        {
            _events = [];
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
