using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// A machine's interface links: <c>link_subnet</c> and <c>unlink_subnet</c> through Core's <see cref="InterfaceLinking"/>
/// with the API's field names (<c>mode</c>, <c>subnet</c>, <c>ip_address</c>, <c>id</c>), so a refusal is the API's text
/// (shown as it is) and changes nothing; <c>set_default_gateway</c> by link id on a link whose subnet has a gateway. The buttons follow <see cref="InterfaceEditRules.Link"/> for <see cref="Actor"/>.
/// </summary>
public sealed partial class InterfaceLinkForms
{
    private static readonly string[] s_modes = ["auto", "static", "dhcp", "link_up"];

    private IReadOnlyList<Subnet> _subnets = [];
    private NetworkModel? _model;
    private long _interfaceId;
    private string _subnet = "";
    private string _mode = "auto";
    private string _ipAddress = "";
    private string? _error;
    private string? _done;
    private bool _busy;

    [Parameter, EditorRequired]
    public Machine Machine { get; set; } = default!;

    /// <summary>Who is looking: Core's rule decides whether the buttons are enabled for them.</summary>
    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    [Inject]
    private InterfaceLinking Linking { get; set; } = default!;

    [Inject]
    private NetworkOperations Networks { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    private static IReadOnlyList<string> Modes => s_modes;

    private string? LinkRefusal => InterfaceEditRules.Link(Actor, Machine, "link")?.Message;

    private string? UnlinkRefusal => InterfaceEditRules.Link(Actor, Machine, "unlink")?.Message;

    protected override async Task OnInitializedAsync()
    {
        NetworkModel model = await Networks.LoadAsync(CancellationToken.None);
        _subnets = [.. model.Subnets.OrderBy(s => s.Cidr, StringComparer.Ordinal)];
        _model = model;
    }

    protected override void OnParametersSet() =>
        _interfaceId = Machine.Interfaces.Any(i => i.Id == _interfaceId) ? _interfaceId : Machine.Interfaces.FirstOrDefault()?.Id ?? 0;

    /// <summary>The mode as the API spells it in <c>links[].mode</c>.</summary>
    private static string ModeName(LinkMode mode) => mode switch
    {
        LinkMode.Auto => "auto",
        LinkMode.Static => "static",
        LinkMode.Dhcp => "dhcp",
        _ => "link_up",
    };

    private Task LinkAsync()
    {
        var fields = new List<(string, string)> { ("mode", _mode), ("subnet", _subnet) };
        if (_mode == "static")
        {
            fields.Add(("ip_address", _ipAddress));
        }

        string name = Machine.Interfaces.FirstOrDefault(i => i.Id == _interfaceId)?.Name ?? "";
        var form = new InterfaceFormFields(fields.Where(f => f.Item2.Trim().Length > 0));
        return RunAsync((actor, ct) => Linking.LinkSubnetAsync(actor, Machine.SystemId, _interfaceId, form, ct), $"{name} linked ({_mode}).");
    }

    /// <summary>What Core's <c>set_default_gateway</c> accepts: an AUTO or STATIC link on a subnet that has a gateway.</summary>
    private bool HasGateway(InterfaceLink link) =>
        link.Mode is LinkMode.Auto or LinkMode.Static && link.Subnet is { } cidr && _model?.SubnetByCidr(cidr)?.GatewayIp is not null;

    private Task SetGatewayAsync(long interfaceId, long linkId, string label) =>
        RunAsync((actor, ct) => Linking.SetDefaultGatewayAsync(actor, Machine.SystemId, interfaceId, linkId, ct), $"{label} is the default gateway.");

    private Task UnlinkAsync(long interfaceId, long linkId, string label) =>
        RunAsync((actor, ct) => Linking.UnlinkSubnetAsync(actor, Machine.SystemId, interfaceId, linkId, ct), $"{label} unlinked.");

    private async Task RunAsync(Func<Actor, CancellationToken, Task> operation, string done)
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
            _error = await UiErrors.RunAsync(() => operation(actor, CancellationToken.None));
            if (_error is null)
            {
                _done = done;
                _ipAddress = "";
                await Saved.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
