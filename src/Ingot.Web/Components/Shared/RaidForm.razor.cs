using System.Globalization;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// Create a RAID: name (empty: Core names it mdN), level (MAAS's raid-0/1/5/6/10) and, per free disk or partition,
/// active member, spare or not used; sent as <c>raids create</c>'s fields (<c>block_devices</c>, <c>partitions</c>,
/// <c>spare_devices</c>, <c>spare_partitions</c>) to Core's <c>CustomStorage.CreateRaid</c>, whose refusals
/// (e.g. "RAID level 5 must have at least 3 raid devices and any number of spares.") are shown as they are.
/// </summary>
public sealed partial class RaidForm
{
    private readonly Dictionary<(string Field, long Id), string> _roles = [];
    private List<(string Field, long Id, string Name, long Size)> _members = [];
    private string _name = "";
    private string _level = "raid-1";
    private string? _error;
    private string? _done;
    private bool _busy;

    private static IReadOnlyList<(string Value, string Label)> Levels { get; } =
    [
        ("raid-0", "RAID 0"), ("raid-1", "RAID 1"), ("raid-5", "RAID 5"), ("raid-6", "RAID 6"), ("raid-10", "RAID 10"),
    ];

    [Parameter, EditorRequired]
    public Machine Machine { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    /// <summary>Who is looking: Core's rule decides whether the button is enabled for them.</summary>
    [Parameter, EditorRequired]
    public Core.Users.Actor Actor { get; set; } = default!;

    /// <summary>Core's refusal of <c>create RAID</c> to <see cref="Actor"/> now, or null when allowed.</summary>
    private string? Refusal => Core.Storage.StorageEditRules.Structure(Actor, Machine, "create RAID")?.Message;

    [Inject]
    private StorageEdits Edits { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override void OnParametersSet() => _members = [.. StorageEdits.FreeMembers(Machine)];

    private string Role((string Field, long Id, string Name, long Size) member) => _roles.GetValueOrDefault((member.Field, member.Id), "");

    private void SetRole((string Field, long Id, string Name, long Size) member, string? role)
    {
        if (string.IsNullOrEmpty(role))
        {
            _roles.Remove((member.Field, member.Id));
        }
        else
        {
            _roles[(member.Field, member.Id)] = role;
        }
    }

    /// <summary>The API's fields: a spare disk goes to <c>spare_devices</c>, a spare partition to <c>spare_partitions</c>.</summary>
    private NetworkForm Form()
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["level"] = [_level] };
        if (_name.Trim() is { Length: > 0 } name)
        {
            fields["name"] = [name];
        }

        foreach (((string field, long id), string role) in _roles)
        {
            string key = role == "spare" ? (field == "partitions" ? "spare_partitions" : "spare_devices") : field;
            if (!fields.TryGetValue(key, out List<string>? values))
            {
                fields[key] = values = [];
            }

            values.Add(id.ToString(CultureInfo.InvariantCulture));
        }

        return new NetworkForm(fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal));
    }

    private async Task CreateAsync()
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
            string? created = null;
            _error = await UiErrors.RunAsync(async () =>
            {
                Machine saved = await Edits.CreateRaidAsync(actor, Machine.SystemId, Form(), CancellationToken.None);
                created = saved.Storage.Raids[^1].Name;
            });
            if (_error is null)
            {
                _done = $"RAID {created} created.";
                _roles.Clear();
                _name = "";
                await Saved.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
