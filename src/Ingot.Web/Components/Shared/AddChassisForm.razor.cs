using Ingot.Core.Enlistment.Chassis;
using Ingot.Core.Users;
using Ingot.Web.Admin;
using Ingot.Web.Machines;
using Ingot.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Ingot.Web.Components.Shared;

/// <summary>
/// "Add chassis" as the API's <c>add_chassis</c> does it: the fields by the API's names through Core's
/// <see cref="ChassisForm"/> (blank ones not sent, so MAAS's "No provided X!" texts, shown at once), then the run
/// itself in the background (<see cref="ChassisJobs"/>), its progress and outcome shown live; reopening the page shows
/// the admin's latest run.
/// </summary>
public sealed partial class AddChassisForm : IDisposable
{
    private string _type = ChassisForm.Redfish;
    private string _hostname = "";
    private string _username = "";
    private string _password = "";
    private string _prefix = "";
    private string _domain = "";
    private bool _acceptAll;
    private string? _error;
    private ChassisJob? _job;

    [Inject]
    private ChassisJobs Jobs { get; set; } = default!;

    [Inject]
    private UiSession Session { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (await Session.ActorAsync(CancellationToken.None) is { } actor)
        {
            Watch(Jobs.LatestBy(actor.Username));
        }
    }

    public void Dispose() => Watch(null);

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
        if (await Session.ActorAsync(CancellationToken.None) is not Actor actor)
        {
            _error = "Your session has ended. Please log in again.";
            return;
        }

        Dictionary<string, string> fields = Fields();
        ChassisRequest? request = null;
        _error = await UiErrors.RunAsync(() =>
        {
            request = ChassisForm.Parse(fields.GetValueOrDefault);
            return Task.CompletedTask;
        });
        if (request is not null)
        {
            Watch(Jobs.Start(request, actor));
        }
    }

    private void Watch(ChassisJob? job)
    {
        if (_job is not null)
        {
            _job.Changed -= OnChanged;
        }

        _job = job;
        if (job is not null)
        {
            job.Changed += OnChanged;
        }
    }

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);
}
