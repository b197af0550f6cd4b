using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// The machines list: filters, search, sorting and status groups over the in-memory
/// <see cref="MachineListing"/> (only the rows in view are rendered, through Virtualize), selection
/// and bulk actions, and live updates from the listing's change notice.
/// </summary>
public sealed partial class Machines
{
    /// <summary>Changes that arrive close together are shown together, at most this long after the first.</summary>
    private static readonly TimeSpan s_coalesce = TimeSpan.FromMilliseconds(100);

    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private readonly HashSet<string> _collapsed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private List<MachineRow> _all = [];
    private List<MachineRow> _shown = [];
    private List<MachineListItem> _items = [];
    private Dictionary<string, string> _hostnames = new(StringComparer.Ordinal);
    private FilterOptions _options = FilterOptions.Empty;
    private Actor? _actor;
    private bool _loaded;
    private bool _grouped = true;
    private bool _running;
    private int _refreshQueued;
    private string _bulkAction = "";
    private string _lastAction = "";
    private IReadOnlyList<ActionResult>? _results;
    private ActionForm _bulkForm = new();
    private ActionChoices _choices = ActionChoices.None;

    [Inject]
    private MachineListing Listing { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    [Inject]
    private MachineActionRunner Runner { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private FilterForm Filters { get; } = new();

    private (MachineSort Column, bool Descending) Sorting { get; set; } = (MachineSort.Fqdn, false);

    private string CountText => !_loaded ? "Loading…"
        : _shown.Count == _all.Count ? $"{_shown.Count} machines"
        : $"Showing {_shown.Count} of {_all.Count} machines";

    /// <summary>Untag in bulk: the tags of the selected machines, any of which may be removed from them all.</summary>
    private IReadOnlyList<string> SelectedTags => [.. _all.Where(r => _selected.Contains(r.SystemId))
        .SelectMany(r => r.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private bool AllShownSelected => _shown.Count > 0 && _shown.All(r => _selected.Contains(r.SystemId));

    protected override async Task OnInitializedAsync()
    {
        _actor = await Session.ActorAsync(_disposed.Token);
        if (_actor is not null)
        {
            await LoadAsync();
            Listing.Changed += OnListingChanged;
        }

        _loaded = true;
    }

    public void Dispose()
    {
        Listing.Changed -= OnListingChanged;
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task LoadAsync()
    {
        IReadOnlyList<MachineRow> rows = await Listing.RowsAsync(_disposed.Token);
        List<MachineRow> visible = new MachineListQuery().Filter(rows, _actor!);
        Filters.ToQuery(Sorting).SortInPlace(visible);
        _all = visible;
        _options = FilterOptions.From(visible);
        _hostnames = visible.ToDictionary(r => r.SystemId, r => r.Hostname, StringComparer.Ordinal);
        _selected.IntersectWith(_hostnames.Keys);
        Refilter();
        KeepUntagChoice();
    }

    /// <summary>
    /// Untag offers the selected machines' tags, which change with the selection and with the rows (a tag
    /// added elsewhere arrives a moment later): the chosen tag stays one of them, the first when it is not.
    /// </summary>
    private void KeepUntagChoice()
    {
        if (_bulkAction == NodeActions.Untag && !SelectedTags.Contains(_bulkForm.Tag, StringComparer.Ordinal))
        {
            _bulkForm.Tag = SelectedTags is { Count: > 0 } tags ? tags[0] : "";
        }
    }

    private void Refilter()
    {
        if (_actor is null)
        {
            return;
        }

        // _all is kept sorted: filtering keeps the order.
        _shown = Filters.ToQuery(Sorting).Filter(_all, _actor);
        _items = MachineGroups.Flatten(_shown, _grouped, _collapsed);
    }

    private void OnListingChanged()
    {
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 1)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            try
            {
                await Task.Delay(s_coalesce, Time, _disposed.Token);
                Volatile.Write(ref _refreshQueued, 0);
                await LoadAsync();
                StateHasChanged();
            }
            catch (OperationCanceledException)
            {
                // The page closed.
            }
        });
    }

    private void SortBy(MachineSort column)
    {
        Sorting = (column, Sorting.Column == column && !Sorting.Descending);
        Filters.ToQuery(Sorting).SortInPlace(_all);
        Refilter();
    }

    private void ClearFilters()
    {
        Filters.Clear();
        Refilter();
    }

    private void ToggleGroup(string group)
    {
        if (!_collapsed.Remove(group))
        {
            _collapsed.Add(group);
        }

        Refilter();
    }

    private void Toggle(string systemId, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            _selected.Add(systemId);
        }
        else
        {
            _selected.Remove(systemId);
        }

        KeepUntagChoice();
    }

    private void ToggleAllShown(ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            _selected.UnionWith(_shown.Select(r => r.SystemId));
        }
        else
        {
            _selected.ExceptWith(_shown.Select(r => r.SystemId));
        }

        KeepUntagChoice();
    }

    private void ClearSelection()
    {
        _selected.Clear();
        KeepUntagChoice();
    }

    private async Task ApplyBulkAsync()
    {
        Actor? actor = await Session.ActorAsync(_disposed.Token);
        if (actor is null || _bulkAction.Length == 0)
        {
            _actor = actor;
            return;
        }

        _running = true;
        try
        {
            string[] targets = [.. _selected.OrderBy(id => _hostnames.GetValueOrDefault(id, id), StringComparer.Ordinal)];
            _lastAction = NodeActions.ByName.TryGetValue(_bulkAction, out NodeAction? action) ? action.Display.TrimEnd('.') : _bulkAction;
            _results = await Runner.RunManyAsync(targets, _bulkAction, actor, _bulkForm, _disposed.Token);
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>A bulk action was chosen: a fresh form and what it offers (releases, zones, pools, tags).</summary>
    private async Task BulkChosenAsync()
    {
        _bulkForm = new ActionForm();
        _results = null;
        _choices = await ActionChoices.LoadAsync(Services, _bulkAction, _disposed.Token);
        _bulkForm.Zone = _choices.Zones.Count > 0 ? _choices.Zones[0] : "";
        _bulkForm.Pool = _choices.Pools.Count > 0 ? _choices.Pools[0] : "";
        KeepUntagChoice();
    }
}
