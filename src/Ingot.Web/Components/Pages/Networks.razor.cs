using Ingot.Core.Config;
using Ingot.Core.Networks;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>
/// Fabrics, VLANs and subnets from <see cref="NetworkOperations.LoadAsync"/>; for admins, DHCP on a VLAN
/// as MAAS's UI configures it: an optional dynamic range first (<c>iprange create type=dynamic</c>), then the
/// VLAN update <c>dhcp_on=true primary_rack=RACK</c> with Ingot's own rack, through Core's forms (their errors,
/// e.g. no dynamic range, are the API's); a subnet's fields (<see cref="Shared.SubnetEditForm"/>) and the IP ranges
/// (<see cref="Shared.IpRangesSection"/>) through the same operations as <c>subnets/</c> and <c>ipranges/</c>.
/// </summary>
public sealed partial class Networks : IDisposable
{
    private InventoryWatch? _watch;

    [Inject]
    private Core.Changes.InventoryChangeFeed Feed { get; set; } = default!;

    private NetworkModel? _model;
    private bool _isAdmin;
    private Actor? _actor;
    private long? _configuring;
    private long? _editing;
    private string _rangeStart = "";
    private string _rangeEnd = "";
    private string? _error;
    private string? _done;
    private bool _busy;

    [Inject]
    private NetworkOperations Operations { get; set; } = default!;

    [Inject]
    private IConfigStore Config { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = await Session.ActorAsync(CancellationToken.None);
        _isAdmin = _actor?.IsAdmin == true;
        _model = await Operations.LoadAsync(CancellationToken.None);
        Watch();
    }


    /// <summary>Live: reloads when the change feed reports Networks.</summary>
    private void Watch()
    {
        if (RendererInfo.IsInteractive)
        {
            _watch ??= new InventoryWatch(Feed, new HashSet<Core.Changes.InventoryKind> { Core.Changes.InventoryKind.Networks }, InvokeAsync, async () =>
            {
                _model = await Operations.LoadAsync(CancellationToken.None);
                StateHasChanged();
            });
        }
    }

    public void Dispose() => _watch?.Dispose();

    private async Task ReloadAsync() => _model = await Operations.LoadAsync(CancellationToken.None);

    private async Task SubnetSavedAsync(string done)
    {
        _editing = null;
        _error = null;
        _done = done;
        await ReloadAsync();
    }

    private void Configure(long subnetId)
    {
        _configuring = subnetId;
        _rangeStart = _rangeEnd = "";
        _error = _done = null;
    }

    private Task EnableAsync(long vlanId) => RunAsync(async actor =>
    {
        if (_rangeStart.Trim().Length > 0 || _rangeEnd.Trim().Length > 0)
        {
            await Operations.CreateRangeAsync(actor, Form(("type", "dynamic"), ("start_ip", _rangeStart.Trim()), ("end_ip", _rangeEnd.Trim())), CancellationToken.None);
        }

        await SetAsync(actor, vlanId, on: true);
        _configuring = null;
    });

    private Task SetDhcpAsync(long vlanId, bool on) => RunAsync(actor => SetAsync(actor, vlanId, on));

    private async Task SetAsync(Actor actor, long vlanId, bool on)
    {
        string rack = await RackIdentity.SystemIdAsync(Config, CancellationToken.None);
        NetworkForm form = on ? Form(("dhcp_on", "true"), ("primary_rack", rack)) : Form(("dhcp_on", "false"));
        await Operations.UpdateVlanAsync(actor, model => NetworkOperations.VlanOf(model, vlanId.ToString(System.Globalization.CultureInfo.InvariantCulture)), form, new HashSet<string>(StringComparer.Ordinal) { rack }, CancellationToken.None);
        _done = $"DHCP {(on ? "enabled" : "disabled")}.";
    }

    private static NetworkForm Form(params (string Key, string Value)[] fields) => UiNetworkForm.Of(fields);

    private async Task RunAsync(Func<Actor, Task> operation)
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

            _error = await UiErrors.RunAsync(() => operation(actor));
            _model = await Operations.LoadAsync(CancellationToken.None);
        }
        finally
        {
            _busy = false;
        }
    }
}
