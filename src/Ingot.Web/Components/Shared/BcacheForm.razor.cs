using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Storage;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// Create a cache set (<c>cache_device</c> or <c>cache_partition</c>) and a bcache (<c>name</c>, <c>cache_set</c>,
/// <c>backing_device</c> or <c>backing_partition</c>, <c>cache_mode</c>) with the API's fields, through Core's
/// <c>CustomStorage.CreateCacheSet</c> / <c>CreateBcache</c>; their refusals (e.g. "Bcache requires a cache set")
/// are shown as Core words them. Deleting is on the devices table's rows.
/// </summary>
public sealed partial class BcacheForm
{
    private List<(string Field, long Id, string Name, long Size)> _free = [];
    private string _cacheDevice = "";
    private string _cacheSet = "";
    private string _backing = "";
    private string _name = "";
    private string _mode = "writethrough";
    private string? _error;
    private string? _done;
    private bool _busy;

    [Parameter, EditorRequired]
    public Machine Machine { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    [Inject]
    private StorageEdits Edits { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override void OnParametersSet() => _free = [.. StorageEdits.FreeMembers(Machine)];

    private static string Key((string Field, long Id, string Name, long Size) member) => $"{member.Field}:{member.Id}";

    /// <summary>A chosen member as the API's field: a disk goes to <c>{role}_device</c>, a partition to <c>{role}_partition</c>.</summary>
    private static void AddMember(Dictionary<string, IReadOnlyList<string>> fields, string role, string key)
    {
        if (key.Split(':') is [string field, string id])
        {
            fields[field == "partitions" ? $"{role}_partition" : $"{role}_device"] = [id];
        }
    }

    private Task CreateCacheSetAsync()
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        AddMember(fields, "cache", _cacheDevice);
        return RunAsync(async actor =>
        {
            Machine saved = await Edits.CreateCacheSetAsync(actor, Machine.SystemId, new NetworkForm(fields), CancellationToken.None);
            _cacheDevice = "";
            return $"Cache set {CacheSet.NameOf(saved.Storage, saved.Storage.CacheSets[^1])} created.";
        });
    }

    private Task CreateBcacheAsync()
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["cache_mode"] = [_mode] };
        AddMember(fields, "backing", _backing);
        if (_cacheSet.Length > 0)
        {
            fields["cache_set"] = [_cacheSet];
        }

        if (_name.Trim() is { Length: > 0 } name)
        {
            fields["name"] = [name];
        }

        return RunAsync(async actor =>
        {
            Machine saved = await Edits.CreateBcacheAsync(actor, Machine.SystemId, new NetworkForm(fields), CancellationToken.None);
            (_backing, _name) = ("", "");
            return $"Bcache {saved.Storage.Bcaches[^1].Name} created.";
        });
    }

    private async Task RunAsync(Func<Core.Users.Actor, Task<string>> edit)
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
            string? done = null;
            _error = await UiErrors.RunAsync(async () => done = await edit(actor));
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
