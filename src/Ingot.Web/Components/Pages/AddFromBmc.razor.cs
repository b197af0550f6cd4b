using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Power;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// Add several machines behind one BMC (admins): the BMC-scoped fields of a power type once, then each
/// machine's MACs and machine-scoped fields (MAAS's <c>BMC.scope_power_parameters</c>). Each machine
/// goes through Core's <see cref="MachineAdding"/> as <c>POST machines/</c> (power submitted alike); a refused one keeps its
/// row with the API's message and does not stop the others. Ingot has no chassis discovery.
/// </summary>
public sealed partial class AddFromBmc
{
    private bool _isAdmin;
    private string _powerType = "";
    private PowerTypeSchema? _schema;
    private Dictionary<string, string> _bmc = [];
    private string _architecture = "amd64/generic";
    private bool _commission = true;
    private List<BmcMachineEntry> _entries = [];
    private IReadOnlyList<PowerTypeSchema> _powerTypes = [];
    private bool _busy;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await Session.ActorAsync(CancellationToken.None))?.IsAdmin == true;
        _powerTypes = [.. (Services.GetService<PowerTypeCatalog>()?.All ?? [])
            .Where(p => p.Fields.Any(f => f.Scope == PowerParameterScope.Bmc))
            .OrderBy(p => p.Description, StringComparer.Ordinal)];
    }

    private void Choose(string? name)
    {
        _powerType = name ?? "";
        _schema = _powerTypes.FirstOrDefault(p => p.Name == _powerType);
        _bmc = Defaults(PowerParameterScope.Bmc);
        _entries = [];
        AddEntry();
    }

    private void AddEntry() => _entries.Add(new BmcMachineEntry { Parameters = Defaults(PowerParameterScope.Node) });

    private Dictionary<string, string> Defaults(PowerParameterScope scope) =>
        _schema?.Fields.Where(f => f.Scope == scope).ToDictionary(f => f.Name, f => f.Default, StringComparer.Ordinal) ?? [];

    private async Task AddAsync()
    {
        if (await Session.ActorAsync(CancellationToken.None) is not Actor actor)
        {
            return;
        }

        _busy = true;
        try
        {
            MachineAdding adding = await MachineAdding.ComposeAsync(Services, CancellationToken.None);
            foreach (BmcMachineEntry entry in _entries.Where(e => e.SystemId is null))
            {
                await AddOneAsync(adding, entry, actor);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task AddOneAsync(MachineAdding adding, BmcMachineEntry entry, Actor actor)
    {
        var request = new MachineRequest
        {
            Hostname = entry.Hostname.Trim().Length > 0 ? entry.Hostname.Trim() : null,
            Architecture = _architecture.Trim(),
            MacAddresses = [.. entry.Macs.Split([',', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            PowerType = _powerType,
            PowerParameters = BmcParameters.Merge(_bmc, entry.Parameters)
                .Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Commission = _commission,
        };
        Machine? added = null;
        entry.Error = await UiErrors.RunAsync(async () => added = await adding.AddAsync(request, actor, CancellationToken.None));
        if (added is not null)
        {
            entry.SystemId = added.SystemId;
        }
    }
}
