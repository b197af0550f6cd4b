using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.ResourcePools;
using Ingot.Core.Zones;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// Add a machine by its MACs and power parameters (the fields of the chosen power type, from the
/// <see cref="PowerTypeCatalog"/> that <c>power-types/</c> renders), or as <c>deployed</c> for a live
/// machine; the request goes through Core's <see cref="MachineAdding"/> as <c>POST machines/</c> does, so its
/// checks, defaults, messages and power submission are the API's. Non-admins do not
/// get the admin-only fields (zone, pool, description, deployed), as MAAS's non-admin form.
/// </summary>
public sealed partial class AddMachine
{
    private bool _isAdmin;
    private string _hostname = "";
    private string _architecture = "amd64/generic";
    private string _macs = "";
    private string _zone = Zone.DefaultName;
    private string _pool = ResourcePool.DefaultName;
    private string _description = "";
    private string _powerType = "";
    private PowerTypeSchema? _schema;
    private Dictionary<string, string> _parameters = [];
    private bool _commission = true;
    private bool _deployed;
    private IReadOnlyList<string> _zones = [];
    private IReadOnlyList<string> _pools = [];
    private IReadOnlyList<PowerTypeSchema> _powerTypes = [];
    private string? _error;
    private bool _busy;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await Session.ActorAsync(CancellationToken.None))?.IsAdmin == true;
        _zones = [.. (await Services.GetRequiredService<IZoneStore>().ListAsync(CancellationToken.None)).Select(z => z.Name).Order(StringComparer.Ordinal)];
        _pools = [.. (await Services.GetRequiredService<IResourcePoolStore>().ListAsync(CancellationToken.None)).Select(p => p.Name).Order(StringComparer.Ordinal)];
        _powerTypes = [.. (Services.GetService<PowerTypeCatalog>()?.All ?? []).OrderBy(p => p.Description, StringComparer.Ordinal)];
    }

    private void ChoosePowerType(string? name)
    {
        _powerType = name ?? "";
        _schema = _powerTypes.FirstOrDefault(p => p.Name == _powerType);
        _parameters = _schema?.Fields.ToDictionary(f => f.Name, f => f.Default, StringComparer.Ordinal) ?? [];
    }

    private async Task AddAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            if (await Session.ActorAsync(CancellationToken.None) is not { } actor)
            {
                _error = "Your session has ended. Please log in again.";
                return;
            }

            var request = new MachineRequest
            {
                Hostname = _hostname.Trim().Length > 0 ? _hostname.Trim() : null,
                Architecture = _architecture.Trim(),
                MacAddresses = [.. _macs.Split([',', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                PowerType = _powerType.Length > 0 ? _powerType : null,
                PowerParameters = _parameters.Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                Zone = actor.IsAdmin ? _zone : null,
                Pool = actor.IsAdmin ? _pool : null,
                Description = actor.IsAdmin ? _description : null,
                Commission = _commission,
                Deployed = actor.IsAdmin && _deployed,
            };
            Machine? added = null;
            _error = await UiErrors.RunAsync(async () =>
                added = await (await MachineAdding.ComposeAsync(Services, CancellationToken.None)).AddAsync(request, actor, CancellationToken.None));
            if (added is not null)
            {
                Navigation.NavigateTo(WebUiPaths.Machine(added.SystemId));
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
