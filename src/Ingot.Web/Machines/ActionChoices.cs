using Ingot.Core.BootResources;
using Ingot.Core.Machines.Actions;
using Ingot.Core.ResourcePools;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Tags;
using Ingot.Core.Zones;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Web.Machines;

/// <summary>
/// What an action form offers to choose from, read when the action is chosen: the imported releases (deploy),
/// the zones (set zone), the pools (set pool), the manual tags (tag), the scripts (commission, test).
/// </summary>
public sealed record ActionChoices(IReadOnlyList<string> Releases, IReadOnlyList<string> Zones, IReadOnlyList<string> Pools, IReadOnlyList<string> Tags)
{
    public static ActionChoices None { get; } = new([], [], [], []);

    /// <summary>Commission and test: every script of the catalog, for the script picker.</summary>
    public IReadOnlyList<Script> Scripts { get; init; } = [];

    public static async Task<ActionChoices> LoadAsync(IServiceProvider services, string action, CancellationToken ct) => action switch
    {
        NodeActions.Deploy when services.GetService<IBootResourceStore>() is { } resources => None with
        {
            Releases = [.. (await resources.ListAsync(null, ct))
                .Select(r => r.Name[(r.Name.IndexOf('/', StringComparison.Ordinal) + 1)..])
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        },
        NodeActions.SetZone => None with
        {
            Zones = [.. (await services.GetRequiredService<IZoneStore>().ListAsync(ct)).Select(z => z.Name).Order(StringComparer.Ordinal)],
        },
        NodeActions.SetPool => None with
        {
            Pools = [.. (await services.GetRequiredService<IResourcePoolStore>().ListAsync(ct)).Select(p => p.Name).Order(StringComparer.Ordinal)],
        },
        NodeActions.Tag => None with
        {
            Tags = [.. (await services.GetRequiredService<ITagStore>().ListAsync(ct)).Where(t => t.Definition.Length == 0).Select(t => t.Name).Order(StringComparer.Ordinal)],
        },
        NodeActions.Commission or NodeActions.Test when services.GetService<ScriptCatalog>() is { } catalog => None with
        {
            Scripts = await catalog.ListAsync(ct),
        },
        _ => None,
    };
}
