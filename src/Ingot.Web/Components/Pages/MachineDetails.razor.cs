using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Changes;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Users;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// One machine: summary, hardware, storage, interfaces, events, power configuration (admins, as
/// <c>op=power_parameters</c>) and the UI actions the machine allows the user now (Core's
/// <see cref="NodeAction.IsActionable"/>); reloads when the change feed names this machine.
/// </summary>
public sealed partial class MachineDetails
{
    private ActionForm _form = new();
    /// <summary>The events shown, newest first.</summary>
    private const int EventsShown = 50;

    private readonly CancellationTokenSource _disposed = new();
    private Machine? _machine;
    private Actor? _actor;
    private string? _notFound;
    private IReadOnlyList<NodeAction> _actions = [];
    private IReadOnlyList<MachineEvent> _events = [];
    private IReadOnlyDictionary<string, string>? _powerParameters;
    private IReadOnlyList<Core.Scripts.ScriptSet> _results = [];
    private int _eventsTotal;
    private NodeAction? _pending;
    private string? _actionError;
    private string? _actionDone;
    private bool _running;
    private int _reloadQueued;

    [Parameter]
    public string SystemId { get; set; } = "";

    [Inject]
    private IMachineStore Store { get; set; } = default!;

    [Inject]
    private MachineChangeFeed Feed { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    [Inject]
    private MachineActionRunner Runner { get; set; } = default!;

    [Inject]
    private Core.Scripts.IScriptResultStore Results { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        Feed.Changed -= OnMachinesChanged;
        await ReloadAsync();
        Feed.Changed += OnMachinesChanged;
    }

    public void Dispose()
    {
        Feed.Changed -= OnMachinesChanged;
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task ReloadAsync()
    {
        CancellationToken ct = _disposed.Token;
        Actor? actor = await Session.ActorAsync(ct);
        Machine? machine = actor is null ? null : await new MachineQueries(Store).FindVisibleAsync(SystemId, actor, ct);
        if (actor is null || machine is null)
        {
            _machine = null;
            _notFound = actor is null ? "Your session has ended. Please log in again." : "No Machine matches the given query.";
            return;
        }

        _notFound = null;
        _machine = machine;
        _actor = actor;
        _actions = [.. NodeActions.All.Where(a => a.IsActionable(actor, machine))];
        _powerParameters = actor.IsAdmin ? machine.PowerParameters : null;
        _results = [.. (await Results.SetsAsync(SystemId, ct)).GroupBy(s => s.Kind).Select(g => g.MaxBy(s => s.Run)!).OrderBy(s => s.Kind)];
        IReadOnlyList<MachineEvent> events = await Store.EventsAsync(SystemId, ct);
        _eventsTotal = events.Count;
        _events = [.. events.OrderByDescending(e => e.Created).ThenByDescending(e => e.Id).Take(EventsShown)];
        if (_pending is not null && !_actions.Contains(_pending))
        {
            _pending = null;
        }
    }

    /// <summary>
    /// The storage forms are shown when Core allows the viewer some storage edit now (a filesystem edit: the owner of an
    /// Allocated machine; a structural one: an admin on a Ready machine); each button then asks Core for its own edit.
    /// </summary>
    private static bool StorageEditable(Actor actor, Machine machine) =>
        Core.Storage.StorageEditRules.Filesystem(actor, machine, "format block device") is null
        || Core.Storage.StorageEditRules.Structure(actor, machine, "create partition") is null;

    private void OnMachinesChanged(IReadOnlyList<string> systemIds)
    {
        if (!systemIds.Contains(SystemId, StringComparer.Ordinal) || Interlocked.Exchange(ref _reloadQueued, 1) == 1)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            Volatile.Write(ref _reloadQueued, 0);
            try
            {
                await ReloadAsync();
                StateHasChanged();
            }
            catch (ObjectDisposedException)
            {
                // The page closed.
            }
            catch (OperationCanceledException)
            {
                // The page closed.
            }
        });
    }


    private async Task RunPendingAsync()
    {
        if (_pending is not { } action || await Session.ActorAsync(_disposed.Token) is not { } actor)
        {
            return;
        }

        _running = true;
        try
        {
            ActionResult result = await Runner.RunAsync(SystemId, action.Name, actor, _form, _disposed.Token);
            _pending = null;
            _actionError = result.Error;
            _actionDone = result.Succeeded ? $"{action.Display.TrimEnd('.')}: done." : null;
            await ReloadAsync();
        }
        finally
        {
            _running = false;
        }
    }
}
