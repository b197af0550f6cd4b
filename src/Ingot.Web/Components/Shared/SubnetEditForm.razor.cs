using Ingot.Core.Networks;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// Edits one subnet as <c>PUT subnets/{id}/</c> with <c>name</c>, <c>gateway_ip</c> (empty: none), <c>dns_servers</c>
/// and <c>managed</c>; a refusal is Core's field text (e.g. "gateway_ip: Gateway IP must be within CIDR range.") and
/// changes nothing.
/// </summary>
public sealed partial class SubnetEditForm
{
    private string _name = "";
    private string _gateway = "";
    private string _dns = "";
    private bool _managed;
    private long _shownFor = -1;
    private string? _error;
    private bool _busy;

    [Parameter, EditorRequired]
    public Subnet Subnet { get; set; } = default!;

    /// <summary>Called with the confirmation text after a save.</summary>
    [Parameter]
    public EventCallback<string> Saved { get; set; }

    [Parameter]
    public EventCallback Closed { get; set; }

    [Inject]
    private NetworkOperations Operations { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (_shownFor != Subnet.Id)
        {
            _shownFor = Subnet.Id;
            _name = Subnet.Name;
            _gateway = Subnet.GatewayIp ?? "";
            _dns = string.Join(" ", Subnet.DnsServers);
            _managed = Subnet.Managed;
            _error = null;
        }
    }

    private async Task SaveAsync()
    {
        if (await Session.ActorAsync(CancellationToken.None) is not { } actor)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        _busy = true;
        try
        {
            NetworkForm form = UiNetworkForm.Of(
                ("name", _name.Trim()), ("gateway_ip", _gateway.Trim()), ("dns_servers", _dns.Trim()), ("managed", _managed ? "true" : "false"));
            string id = Subnet.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _error = await UiErrors.RunAsync(() => Operations.UpdateSubnetAsync(actor, id, form, CancellationToken.None));
            if (_error is null)
            {
                await Saved.InvokeAsync($"Subnet {Subnet.Cidr} saved.");
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
