using System.Globalization;
using Ingot.Core.Config;
using Ingot.Core.Forms;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// The settings of <see cref="ConfigSettings.All"/>: everyone reads them (as <c>get_config</c>); an admin
/// saves one at a time (as <c>set_config</c>: admin only, Core's checks and messages).
/// </summary>
public sealed partial class Settings
{
    private Dictionary<string, string>? _values;
    private bool _isAdmin;
    private string? _error;
    private string? _done;
    private bool _busy;

    [Inject]
    private ConfigSettings Config { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await Session.ActorAsync(CancellationToken.None))?.IsAdmin == true;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ConfigSetting setting in ConfigSettings.All)
        {
            object? value = await Config.GetAsync(setting.Name, CancellationToken.None);
            values[setting.Name] = value switch
            {
                bool flag => flag ? "true" : "false",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value?.ToString() ?? "",
            };
        }

        _values = values;
    }

    private void SetValue(string name, object? value) =>
        _values![name] = value switch
        {
            bool flag => flag ? "true" : "false",
            _ => value?.ToString() ?? "",
        };

    private async Task SaveAsync(ConfigSetting setting)
    {
        _busy = true;
        _done = null;
        try
        {
            string value = _values![setting.Name];
            _error = await UiErrors.RunAsync(async () =>
            {
                AdminOnly.Demand(await Session.ActorAsync(CancellationToken.None) ?? Core.Users.Actor.User("", isAdmin: false));
                await Config.SetAsync(setting.Name, value, CancellationToken.None);
            });
            _done = _error is null ? $"{setting.Name} saved." : null;
        }
        finally
        {
            _busy = false;
        }
    }
}
