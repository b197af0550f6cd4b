using System.Globalization;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Users;
using Ingot.Web.Machines;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// Edits a bond's parameters as <c>PUT nodes/{id}/interfaces/{id}/</c> with the <c>bond_*</c> fields (all sent, filled
/// from the bond's current values), through the parent form's runner so refusals show where the other interface
/// edits' do (e.g. "bond_miimon: Ensure this value is greater than or equal to 0.").
/// </summary>
public sealed partial class BondParametersForm
{
    private long _bondId;
    private long _shownFor = -1;
    private string _mode = InterfaceFields.BondModes[0];
    private string _miimon = "";
    private string _downdelay = "";
    private string _updelay = "";
    private string _lacpRate = InterfaceFields.LacpRates[0];
    private string _hashPolicy = InterfaceFields.XmitHashPolicies[0];
    private string _gratArp = "";
    private bool _busy;

    [Parameter, EditorRequired]
    public IReadOnlyList<NetworkInterface> Bonds { get; set; } = [];

    [Parameter, EditorRequired]
    public Machine Machine { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>Runs the update in the interface forms (their runner: session, errors, reload; an event callback, so they re-render).</summary>
    [Parameter, EditorRequired]
    public EventCallback<BondUpdate> Save { get; set; }

    private string? Refusal => InterfaceEditRules.Edit(Actor, Machine, "update interface", deployedToo: true)?.Message;

    protected override void OnParametersSet()
    {
        _bondId = Bonds.Any(b => b.Id == _bondId) ? _bondId : (Bonds.Count > 0 ? Bonds[0].Id : 0);
        if (_shownFor != _bondId)
        {
            Show();
        }
    }

    /// <summary>Fills the fields with the chosen bond's parameters, so what is shown is what is sent.</summary>
    private void Show()
    {
        InterfaceParams p = Bonds.FirstOrDefault(b => b.Id == _bondId)?.Params ?? new InterfaceParams();
        _mode = p.BondMode ?? InterfaceFields.BondModes[0];
        _miimon = Text(p.BondMiimon);
        _downdelay = Text(p.BondDowndelay);
        _updelay = Text(p.BondUpdelay);
        _lacpRate = p.BondLacpRate ?? InterfaceFields.LacpRates[0];
        _hashPolicy = p.BondXmitHashPolicy ?? InterfaceFields.XmitHashPolicies[0];
        _gratArp = Text(p.BondNumGratArp);
        _shownFor = _bondId;
    }

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            string name = Bonds.FirstOrDefault(b => b.Id == _bondId)?.Name ?? "";
            var form = new InterfaceFormFields(new (string, string)[]
            {
                ("bond_mode", _mode), ("bond_miimon", _miimon), ("bond_downdelay", _downdelay), ("bond_updelay", _updelay),
                ("bond_lacp_rate", _lacpRate), ("bond_xmit_hash_policy", _hashPolicy), ("bond_num_grat_arp", _gratArp),
            }.Where(f => f.Item2.Trim().Length > 0));
            await Save.InvokeAsync(new BondUpdate(_bondId, form, $"Bond {name} parameters saved."));
        }
        finally
        {
            _busy = false;
        }
    }
}

/// <summary>A bond's id, the <c>bond_*</c> fields to send, and the confirmation text.</summary>
public sealed record BondUpdate(long BondId, InterfaceFormFields Form, string Done);
