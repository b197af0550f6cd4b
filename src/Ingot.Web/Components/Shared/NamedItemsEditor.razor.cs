using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// The editor shared by the zones and resource pools pages: the page supplies how to list, create, update
/// and delete; Core's operations decide who may (their refusals are shown with the API's text).
/// </summary>
public sealed partial class NamedItemsEditor : IDisposable
{
    private InventoryWatch? _watch;

    [Inject]
    private Core.Changes.InventoryChangeFeed Feed { get; set; } = default!;

    private IReadOnlyList<NamedItem>? _items;
    private string _newName = "";
    private string _newDescription = "";
    private string? _editing;
    private string _editName = "";
    private string _editDescription = "";
    private string? _deleting;
    private string? _error;
    private string? _done;
    private bool _busy;

    [Parameter, EditorRequired]
    public string Noun { get; set; } = "";

    [Parameter, EditorRequired]
    public string Plural { get; set; } = "";

    [Parameter]
    public bool IsAdmin { get; set; }

    /// <summary>The change-feed kind of the items, so that the list follows changes made elsewhere.</summary>
    [Parameter, EditorRequired]
    public Core.Changes.InventoryKind Kind { get; set; }

    [Parameter, EditorRequired]
    public Func<CancellationToken, Task<IReadOnlyList<NamedItem>>> Load { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<Actor, string, string, CancellationToken, Task> Create { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<Actor, NamedItem, string, string, CancellationToken, Task> Update { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<Actor, NamedItem, CancellationToken, Task> Delete { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _items = await Load(CancellationToken.None);
        Watch();
    }


    /// <summary>Live: reloads when the change feed reports Kind.</summary>
    private void Watch()
    {
        if (RendererInfo.IsInteractive)
        {
            _watch ??= new InventoryWatch(Feed, new HashSet<Core.Changes.InventoryKind> { Kind }, InvokeAsync, async () =>
            {
                _items = await Load(CancellationToken.None);
                StateHasChanged();
            });
        }
    }

    public void Dispose() => _watch?.Dispose();

    private void StartEdit(NamedItem item)
    {
        _editing = item.Key;
        _editName = item.Name;
        _editDescription = item.Description;
        _error = null;
    }

    private Task CreateAsync() => RunAsync(
        (actor, ct) => Create(actor, _newName.Trim(), _newDescription, ct),
        () =>
        {
            _done = $"{Noun} {_newName.Trim()} added.";
            _newName = _newDescription = "";
        });

    private Task SaveAsync(NamedItem item) => RunAsync(
        (actor, ct) => Update(actor, item, _editName.Trim(), _editDescription, ct),
        () =>
        {
            _done = $"{Noun} {_editName.Trim()} saved.";
            _editing = null;
        });

    private Task DeleteAsync(NamedItem item) => RunAsync(
        (actor, ct) => Delete(actor, item, ct),
        () => _done = $"{Noun} {item.Name} deleted.",
        always: () => _deleting = null);

    private async Task RunAsync(Func<Actor, CancellationToken, Task> operation, Action succeeded, Action? always = null)
    {
        _busy = true;
        _done = null;
        try
        {
            if (await Session.ActorAsync(CancellationToken.None) is not { } actor)
            {
                _error = "Your session has ended. Please log in again.";
                return;
            }

            _error = await UiErrors.RunAsync(() => operation(actor, CancellationToken.None));
            if (_error is null)
            {
                succeeded();
            }

            always?.Invoke();
            _items = await Load(CancellationToken.None);
        }
        finally
        {
            _busy = false;
        }
    }
}
