using Ingot.Api.Wire;
using Ingot.Core.Cloning;
using Ingot.Core.Config;
using Ingot.Core.Domains;
using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Machines.Editing;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Machines.Queries;
using Ingot.Core.Placement;
using Ingot.Core.Power;
using Ingot.Core.ResourcePools;
using Ingot.Core.Tags;
using Ingot.Core.Zones;

namespace Ingot.Api.Machines;

/// <summary>
/// Core's machine services for one request, composed from the registered stores. The life-cycle
/// settings are read from the stored config on each request, because <c>node_timeout</c> may change
/// while Ingot runs.
/// </summary>
internal static class MachineServices
{
    public static async Task<MachineOperations> OperationsAsync(this ApiRequest request, CancellationToken ct)
    {
        LifecycleSettings settings = await SettingsAsync(request, ct);
        return new(request.Service<IMachineStore>(), request.Service<TimeProvider>(), settings)
        {
            Lifecycle = MachineLifecycle.Compose(request.Http.RequestServices, settings),
        };
    }

    /// <summary>Adding machines as the web UI's add pages do it (one Core composition: enlister, placement check, power submission).</summary>
    public static Task<MachineAdding> AddingAsync(this ApiRequest request, CancellationToken ct) =>
        MachineAdding.ComposeAsync(request.Http.RequestServices, ct);

    public static MachineQueries Queries(this ApiRequest request) => new(request.Service<IMachineStore>());

    public static MachineEditor Editor(this ApiRequest request) =>
        new(request.Service<IMachineStore>(), request.Placement(), request.Service<TimeProvider>())
        {
            PowerTypes = request.Service<PowerTypeCatalog>(),
        };

    public static MachineCloner Cloner(this ApiRequest request) =>
        new(request.Service<IMachineStore>(), request.Service<TimeProvider>());

    public static MachinePlacement Placement(this ApiRequest request) => new(
        request.Service<IZoneStore>(), request.Service<IResourcePoolStore>(), request.Service<IDomainStore>(), request.Service<ITagStore>());

    /// <summary>The zone, pool and tag names that exist, for filters and allocate constraints.</summary>
    public static async Task<FilterVocabulary> VocabularyAsync(this ApiRequest request, CancellationToken ct)
    {
        IReadOnlyList<Zone> zones = await request.Service<IZoneStore>().ListAsync(ct);
        IReadOnlyList<ResourcePool> pools = await request.Service<IResourcePoolStore>().ListAsync(ct);
        IReadOnlyList<Tag> tags = await request.Service<ITagStore>().ListAsync(ct);
        return new FilterVocabulary(
            zones.Select(z => z.Name).ToHashSet(StringComparer.Ordinal),
            pools.Select(p => p.Name).ToHashSet(StringComparer.Ordinal),
            tags.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
    }

    private static Task<LifecycleSettings> SettingsAsync(ApiRequest request, CancellationToken ct) =>
        LifecycleSettingsLoader.LoadAsync(request.Service<IConfigStore>(), ct);
}
