using Ingot.Core.Networks;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// The filesystem form of one storage row: type, mount point, mount options (the API's <c>fstype</c>,
/// <c>mount_point</c>, <c>mount_options</c>), saved by <see cref="StorageEdits.FormatAndMountAsync"/>.
/// </summary>
public sealed partial class FilesystemForm
{
    private string _fstype = "ext4";
    private string _mountPoint = "";
    private string _mountOptions = "";
    private string? _error;
    private bool _busy;
    private StorageRow? _shown;

    [Parameter, EditorRequired]
    public string SystemId { get; set; } = "";

    [Parameter, EditorRequired]
    public StorageRow Row { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    [Inject]
    private StorageEdits Edits { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Row))
        {
            return;
        }

        _shown = Row;
        _fstype = Row.Filesystem?.Type ?? "ext4";
        _mountPoint = Row.Filesystem?.MountPoint ?? "";
        _mountOptions = Row.Filesystem?.MountOptions ?? "";
        _error = null;
    }

    private async Task SaveAsync()
    {
        if (Row.Target is not { } target)
        {
            return;
        }

        if (await Session.ActorAsync(CancellationToken.None) is not { } actor)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        var form = new NetworkForm(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["fstype"] = [_fstype],
            ["mount_point"] = [_mountPoint.Trim()],
            ["mount_options"] = [_mountOptions.Trim()],
        });
        _busy = true;
        try
        {
            _error = await UiErrors.RunAsync(() => Edits.FormatAndMountAsync(actor, SystemId, target, form, CancellationToken.None));
            if (_error is null)
            {
                await Saved.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
