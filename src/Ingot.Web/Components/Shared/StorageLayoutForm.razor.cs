using Ingot.Core.Machines;
using Ingot.Core.Storage;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// <c>set_storage_layout</c> on a machine's page: the fields are the API's (a blank one is not sent, so Core applies
/// MAAS's default), applied by <see cref="StorageEditing.SetLayoutAsync"/>, so a layout that does not fit the disks is
/// refused with Core's message and changes nothing. The button follows <see cref="StorageEditRules.Layout"/>.
/// </summary>
public sealed partial class StorageLayoutForm
{
    private static readonly string[] s_layouts = ["flat", "lvm", "bcache", "blank"];
    private static readonly string[] s_cacheModes = ["writeback", "writethrough", "writearound"];

    private string _layout = "flat";
    private string _bootSize = "";
    private string _rootSize = "";
    private string _rootDevice = "";
    private string _vgName = "";
    private string _lvName = "";
    private string _lvSize = "";
    private string _cacheDevice = "";
    private string _cacheMode = "";
    private string _cacheSize = "";
    private bool _cacheNoPart;
    private string? _error;
    private string? _done;
    private bool _busy;

    [Parameter, EditorRequired]
    public Machine Machine { get; set; } = default!;

    /// <summary>Who is looking: Core's rule decides whether the button is enabled for them.</summary>
    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    [Inject]
    private StorageEditing Storage { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    private static IReadOnlyList<string> Layouts => s_layouts;

    private static IReadOnlyList<string> CacheModes => s_cacheModes;

    private string? Refusal => StorageEditRules.Layout(Actor, Machine)?.Message;

    /// <summary>The request as the API builds it from the form: only the current layout's fields, blanks as absent.</summary>
    private StorageLayoutRequest Request()
    {
        bool lvm = _layout == "lvm";
        bool bcache = _layout == "bcache";
        return new StorageLayoutRequest(
            _layout, Sent(_bootSize), Sent(_rootSize), Sent(_rootDevice),
            lvm ? Sent(_vgName) : null, lvm ? Sent(_lvName) : null, lvm ? Sent(_lvSize) : null,
            bcache ? Sent(_cacheDevice) : null, bcache ? Sent(_cacheMode) : null, bcache ? Sent(_cacheSize) : null,
            bcache && _cacheNoPart ? "true" : null);
    }

    private static string? Sent(string value) => value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>
    /// What the chosen layout would make of this machine's disks, by Core's <see cref="StorageLayout.Preview"/> (the code
    /// that applies it, on a copy), or its refusal in the API's words. Cheap: the machine's few disks, on each render.
    /// </summary>
    private LayoutPreview Preview()
    {
        IReadOnlyList<StorageRow> rows = [];
        StorageLayoutRequest request = Request();
        string? refusal = UiErrors.Run(() => rows = StorageRow.Of(StorageLayout.Preview(Machine, request)));
        return new LayoutPreview(rows, refusal);
    }

    private async Task ApplyAsync()
    {
        _done = null;
        if (await Session.ActorAsync(CancellationToken.None) is not { } actor)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        _busy = true;
        try
        {
            StorageLayoutRequest request = Request();
            _error = await UiErrors.RunAsync(() => Storage.SetLayoutAsync(actor, Machine.SystemId, request, CancellationToken.None));
            if (_error is null)
            {
                _done = $"Storage layout {request.Layout} applied.";
                await Saved.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
