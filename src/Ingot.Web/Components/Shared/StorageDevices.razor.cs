using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// The storage table's per-device edits (<see cref="StorageEdits"/>, the storage API's Core calls): format and mount
/// (a <see cref="FilesystemForm"/>), unmount, unformat, set boot disk and delete (delete asks first). Each button is
/// enabled iff Core's <see cref="StorageEditRules"/> allows the edit to <see cref="Actor"/> now, else disabled with
/// Core's refusal as its title. A refusal of the edit itself shows Core's text and changes nothing.
/// </summary>
public sealed partial class StorageDevices
{
    private IReadOnlyList<StorageRow> _rows = [];
    private StorageRow? _editing;
    private StorageRow? _deleting;
    private string? _error;
    private string? _done;
    private bool _busy;

    [Parameter, EditorRequired]
    public Machine Machine { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    /// <summary>Who is looking: the rules decide which buttons are enabled for them.</summary>
    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Inject]
    private StorageEdits Edits { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    /// <summary>Core's refusal of a format, mount, unmount or unformat, or null when allowed.</summary>
    private string? FilesystemRefusal(string operation) => StorageEditRules.Filesystem(Actor, Machine, operation)?.Message;

    /// <summary>Core's refusal of a structural edit (delete, boot disk), or null when allowed.</summary>
    private string? StructureRefusal(string operation) => StorageEditRules.Structure(Actor, Machine, operation)?.Message;

    protected override void OnParametersSet() => _rows = StorageRow.Of(Machine);

    private void Edit(StorageRow row)
    {
        _editing = row;
        _deleting = null;
        _error = null;
        _done = null;
    }

    private void AskDelete(StorageRow row)
    {
        _deleting = row;
        _editing = null;
        _error = null;
        _done = null;
    }

    private async Task FilesystemSavedAsync()
    {
        _done = $"Filesystem of {_editing?.Name} saved.";
        _editing = null;
        await Saved.InvokeAsync();
    }

    private Task UnmountAsync(StorageRow row) =>
        RunAsync((actor, ct) => Edits.UnmountAsync(actor, Machine.SystemId, row.Target!, ct), $"{row.Name} unmounted.");

    private Task UnformatAsync(StorageRow row) =>
        RunAsync((actor, ct) => Edits.UnformatAsync(actor, Machine.SystemId, row.Target!, ct), $"{row.Name} unformatted.");

    private Task SetBootDiskAsync(StorageRow row) =>
        RunAsync((actor, ct) => Edits.SetBootDiskAsync(actor, Machine.SystemId, row.DeviceId, ct), $"{row.Name} is the boot disk.");

    private async Task DeleteAsync()
    {
        if (_deleting is { } row)
        {
            await RunAsync((actor, ct) => Edits.DeleteAsync(actor, Machine.SystemId, row, ct), $"{row.Name} deleted.");
            _deleting = null;
        }
    }

    private async Task RunAsync(Func<Actor, CancellationToken, Task> operation, string done)
    {
        _done = null;
        _editing = null;
        if (await Session.ActorAsync(CancellationToken.None) is not { } actor)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        _busy = true;
        try
        {
            _error = await UiErrors.RunAsync(() => operation(actor, CancellationToken.None));
            if (_error is null)
            {
                _done = done;
                await Saved.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
