using Ingot.Core.Machines.Actions;
using Ingot.Web.Machines;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Pages;

/// <summary>The action forms of a machine's page: choosing an action opens its form with fresh fields.</summary>
public sealed partial class MachineDetails
{
    private ActionChoices _choices = ActionChoices.None;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private async Task ChooseAction(NodeAction action)
    {
        _pending = action;
        _actionError = null;
        _actionDone = null;
        _form = new ActionForm();
        CancellationToken ct = _disposed.Token;
        _choices = await ActionChoices.LoadAsync(Services, action.Name, ct);
        switch (action.Name)
        {
            case NodeActions.SetZone:
                _form.Zone = _machine?.Zone ?? "";
                break;
            case NodeActions.SetPool:
                _form.Pool = _machine?.Pool ?? "";
                break;
            case NodeActions.Untag:
                _form.Tag = _machine?.Tags.FirstOrDefault() ?? "";
                break;
        }
    }
}
