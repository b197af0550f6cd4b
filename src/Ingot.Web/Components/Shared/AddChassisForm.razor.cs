using Ingot.Core.Enlistment;
using Ingot.Core.Enlistment.Chassis;
using Ingot.Core.Machines;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// "Add chassis" as the API's <c>add_chassis</c> does it: the fields by the API's names through Core's
/// <see cref="ChassisForm"/> (blank ones not sent, so MAAS's "No provided X!" texts), then
/// <see cref="MachineAdding"/>, the API's composition: machines that are commissioned at once get their power
/// request submitted.
/// </summary>
public sealed partial class AddChassisForm
{
    private string _type = ChassisForm.Redfish;
    private string _hostname = "";
    private string _username = "";
    private string _password = "";
    private string _prefix = "";
    private string _domain = "";
    private bool _acceptAll;
    private bool _busy;
    private string? _error;
    private string _addedFrom = "";
    private List<(string SystemId, string Hostname)>? _added;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    private Dictionary<string, string> Fields() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["chassis_type"] = _type,
        ["hostname"] = _hostname,
        ["username"] = _username,
        ["password"] = _password,
        ["prefix_filter"] = _prefix,
        ["domain"] = _domain,
        ["accept_all"] = _acceptAll ? "true" : "",
    }.Where(f => f.Value.Trim().Length > 0).ToDictionary(f => f.Key, f => f.Value.Trim(), StringComparer.Ordinal);

    private async Task AddAsync()
    {
        _added = null;
        if (await Session.ActorAsync(CancellationToken.None) is not Actor actor)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        _busy = true;
        try
        {
            Dictionary<string, string> fields = Fields();
            IReadOnlyList<Machine> added = [];
            _error = await UiErrors.RunAsync(async () =>
            {
                ChassisRequest request = ChassisForm.Parse(fields.GetValueOrDefault);
                added = await (await MachineAdding.ComposeAsync(Services, CancellationToken.None)).AddChassisAsync(request, actor, CancellationToken.None);
                _addedFrom = request.Hostname;
            });
            if (_error is null)
            {
                _added = [.. added.Select(m => (m.SystemId, m.Hostname))];
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
