using System.Globalization;
using Ingot.Core.Changes;
using Ingot.Core.Config;
using Ingot.Core.Enlistment;
using Ingot.Core.Forms;
using Ingot.Core.Machines;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// The settings of <see cref="ConfigSettings.All"/>: everyone reads them (as <c>get_config</c>); an admin saves
/// one at a time through <see cref="ConfigSettings.SetAsync"/> (as <c>set_config</c>: admin only, Core's checks and
/// messages), a refusal shown beside its field. Every setting is read where it is used (each op loads the
/// settings), so a saved value applies at once. A change saved anywhere (the API, the CLI, another browser) shows
/// here without reload; a value the admin is editing is left alone until saved.
/// </summary>
public sealed partial class Settings : IDisposable
{
    private readonly Dictionary<string, string> _fieldErrors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _editing = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _values;
    private InventoryWatch? _watch;
    private bool _isAdmin;
    private string? _error;
    private string? _done;
    private bool _busy;

    [Inject]
    private ConfigSettings Config { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    [Inject]
    private InventoryChangeFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await Session.ActorAsync(CancellationToken.None))?.IsAdmin == true;
        await LoadAsync();
        Watch();
    }

    /// <summary>Live: reloads when the change feed reports Settings.</summary>
    private void Watch()
    {
        if (RendererInfo.IsInteractive)
        {
            _watch ??= new InventoryWatch(Feed, new HashSet<InventoryKind> { InventoryKind.Settings }, InvokeAsync, async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    public void Dispose() => _watch?.Dispose();

    private async Task LoadAsync()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ConfigSetting setting in ConfigSettings.All)
        {
            values[setting.Name] = _editing.Contains(setting.Name) && _values is not null
                ? _values[setting.Name]
                : Text(await Config.GetAsync(setting.Name, CancellationToken.None));
        }

        _values = values;
    }

    private static string Text(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    private void SetValue(string name, object? value)
    {
        _values![name] = Text(value);
        _editing.Add(name);
    }

    private async Task SaveAsync(ConfigSetting setting)
    {
        _busy = true;
        _done = null;
        _error = null;
        _fieldErrors.Remove(setting.Name);
        try
        {
            AdminOnly.Demand(await Session.ActorAsync(CancellationToken.None) ?? Core.Users.Actor.User("", isAdmin: false));
            await Config.SetAsync(setting.Name, _values![setting.Name], CancellationToken.None);
            _editing.Remove(setting.Name);
            _done = $"{setting.Name} saved.";
            await LoadAsync();
        }
        catch (MachineFormException e)
        {
            _fieldErrors[setting.Name] = string.Join(" ", e.Errors.SelectMany(f => f.Value));
        }
        catch (MachineOperationException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
