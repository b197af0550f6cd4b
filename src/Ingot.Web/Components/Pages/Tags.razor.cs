using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// Tags (MAAS's <c>tags/</c>): everyone sees them with the number of machines carrying each; admins add,
/// edit (name, definition, comment, kernel options) and delete them through Core's <see cref="TagOperations"/>,
/// which evaluates a definition over every machine's hardware details.
/// </summary>
public sealed partial class Tags : IDisposable
{
    private InventoryWatch? _watch;

    [Inject]
    private Core.Changes.InventoryChangeFeed Feed { get; set; } = default!;

    private IReadOnlyList<(Tag Tag, int Machines)>? _tags;
    private bool _isAdmin;
    private string? _editing;
    private string _name = "";
    private string _definition = "";
    private string _comment = "";
    private string _kernelOpts = "";
    private string? _deleting;
    private string? _error;
    private string? _done;
    private bool _busy;

    [Inject]
    private TagOperations Operations { get; set; } = default!;

    [Inject]
    private MachineListing Listing { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await Session.ActorAsync(CancellationToken.None))?.IsAdmin == true;
        await LoadAsync();
        Watch();
    }


    /// <summary>Live: reloads when the change feed reports Tags.</summary>
    private void Watch()
    {
        if (RendererInfo.IsInteractive)
        {
            _watch ??= new InventoryWatch(Feed, new HashSet<Core.Changes.InventoryKind> { Core.Changes.InventoryKind.Tags }, InvokeAsync, async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    public void Dispose() => _watch?.Dispose();

    private async Task LoadAsync()
    {
        IReadOnlyList<MachineRow> rows = await Listing.RowsAsync(CancellationToken.None);
        _tags = [.. (await Operations.ListAsync(CancellationToken.None)).OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (t, rows.Count(r => r.Tags.Contains(t.Name))))];
    }

    private void Edit(Tag tag)
    {
        _editing = tag.Name;
        _name = tag.Name;
        _definition = tag.Definition;
        _comment = tag.Comment;
        _kernelOpts = tag.KernelOpts;
        _error = _done = null;
    }

    private void ClearForm()
    {
        _editing = null;
        _name = _definition = _comment = _kernelOpts = "";
    }

    private Task SaveAsync()
    {
        string? editing = _editing;
        string name = _name.Trim();
        return RunAsync(
            (actor, ct) => editing is null
                ? Operations.CreateAsync(actor, name, _definition, _comment, _kernelOpts, ct)
                : Operations.UpdateAsync(actor, editing, name, _definition, _comment, _kernelOpts, ct),
            $"Tag {name} {(editing is null ? "added" : "saved")}.",
            ClearForm);
    }

    private Task DeleteAsync(string name) => RunAsync((actor, ct) => Operations.DeleteAsync(actor, name, ct), $"Tag {name} deleted.", () => _deleting = null);

    private async Task RunAsync(Func<Actor, CancellationToken, Task> operation, string done, Action succeeded)
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
                _done = done;
                succeeded();
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
