using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.Registration;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// The registration command of a DEPLOYED machine (<see cref="RegistrationCommand"/>, the same text as the REST op
/// <c>get_registration_command</c>), served from the address the page was opened at. The page shows the card to
/// administrators only, as the op is theirs.
/// </summary>
public sealed partial class RegistrationCommandCard
{
    private string? _command;
    private string? _error;
    private bool _working;

    [Parameter, EditorRequired]
    public string SystemId { get; set; } = "";

    [Inject]
    private IMachineStore Store { get; set; } = default!;

    [Inject]
    private IMachineTokenStore Tokens { get; set; } = default!;

    [Inject]
    private Core.Scripts.IScriptResultStore Results { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private async Task ShowAsync()
    {
        _working = true;
        _error = null;
        try
        {
            Machine? machine = await Store.FindAsync(SystemId, CancellationToken.None);
            if (machine is null)
            {
                _error = "Machine not found.";
                return;
            }

            var origin = new Uri(Navigation.BaseUri).GetLeftPart(UriPartial.Authority);
            _command = (await RegistrationCommand.IssueAsync(origin, machine, new MachineTokens(Tokens, Time), Results, CancellationToken.None)).Command;
        }
        catch (MachineOperationException e)
        {
            _command = null;
            _error = e.Message;
        }
        finally
        {
            _working = false;
        }
    }
}
