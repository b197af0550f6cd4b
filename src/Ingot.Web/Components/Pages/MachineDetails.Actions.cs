using Ingot.Core.BootResources;
using Ingot.Core.Machines.Actions;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Zones;
using Ingot.Web.Machines;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Components.Pages;

/// <summary>The action forms of a machine's page: choosing an action opens its form with fresh fields.</summary>
public sealed partial class MachineDetails
{
    private IReadOnlyList<string> _releases = [];
    private IReadOnlyList<string> _zones = [];
    private IReadOnlyList<string> _pools = [];
    private IReadOnlyList<string> _tags = [];

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private async Task ChooseAction(NodeAction action)
    {
        _pending = action;
        _actionError = null;
        _actionDone = null;
        _form = new ActionForm();
        CancellationToken ct = _disposed.Token;
        switch (action.Name)
        {
            case NodeActions.Deploy when Services.GetService<IBootResourceStore>() is { } resources:
                _releases = [.. (await resources.ListAsync(null, ct))
                    .Select(r => r.Name[(r.Name.IndexOf('/', StringComparison.Ordinal) + 1)..])
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                break;
            case NodeActions.SetZone:
                _zones = [.. (await Services.GetRequiredService<IZoneStore>().ListAsync(ct)).Select(z => z.Name).Order(StringComparer.Ordinal)];
                _form.Zone = _machine?.Zone ?? "";
                break;
            case NodeActions.SetPool:
                _pools = [.. (await Services.GetRequiredService<IResourcePoolStore>().ListAsync(ct)).Select(p => p.Name).Order(StringComparer.Ordinal)];
                _form.Pool = _machine?.Pool ?? "";
                break;
            case NodeActions.Tag:
                _tags = [.. (await Services.GetRequiredService<ITagStore>().ListAsync(ct)).Where(t => t.Definition.Length == 0).Select(t => t.Name).Order(StringComparer.Ordinal)];
                break;
            case NodeActions.Untag:
                _form.Tag = _machine?.Tags.FirstOrDefault() ?? "";
                break;
        }
    }
}
