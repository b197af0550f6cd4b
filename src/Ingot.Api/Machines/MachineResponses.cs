using System.Buffers;
using System.Text.Json;
using Ingot.Api.Wire;
using Ingot.Core.Domains;
using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Networks;
using Ingot.Core.ResourcePools;
using Ingot.Core.Scripts;
using Ingot.Core.Zones;
using Ingot.Wire.Machines;
using Ingot.Wire.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Machines;

/// <summary>
/// Machines rendered with Ingot.Wire (maas-api.md §5): the zones, pools and domains as stored, and
/// each machine's latest event for <c>status_message</c>.
/// </summary>
internal static class MachineResponses
{
    /// <summary>
    /// The list's top-level writer: System.Text.Json's default escaping, as the list has always been
    /// written (<see cref="ApiResult.Json(Action{System.Text.Json.Utf8JsonWriter})"/> used a default writer);
    /// validation is skipped because the renderer writes well-formed JSON.
    /// </summary>
    internal static JsonWriterOptions ListWriterOptions { get; } = new() { SkipValidation = true };

    /// <summary>One machine object.</summary>
    public static async Task<ApiResult> OneAsync(ApiRequest request, Machine machine, CancellationToken ct)
    {
        MachineJsonContext context = await ContextAsync(request, [machine], ct);
        return ApiResult.Bytes(StatusCodes.Status200OK, ApiResult.JsonContentType, MachineJson.Render(machine, context));
    }

    /// <summary>A JSON array of machine objects, in the order given.</summary>
    public static async Task<ApiResult> ListAsync(ApiRequest request, IReadOnlyList<Machine> machines, CancellationToken ct)
    {
        MachineJsonContext context = await ContextAsync(request, machines, ct);
        return ApiResult.JsonStream((stream, token) => MachineJson.RenderListAsync(machines, context, stream, ListWriterOptions, token));
    }

    /// <summary>The anonymous field set (enlistment's create response).</summary>
    public static async Task<ApiResult> AnonymousAsync(ApiRequest request, Machine machine, CancellationToken ct)
    {
        MachineJsonContext context = await ContextAsync(request, [machine], ct);
        return ApiResult.Bytes(StatusCodes.Status200OK, ApiResult.JsonContentType, MachineJson.RenderAnonymous(machine, context));
    }

    /// <summary>An <c>op=allocate</c> answer: the machine with <c>constraints_by_type</c>.</summary>
    public static async Task<ApiResult> AllocationAsync(ApiRequest request, Allocation allocation, CancellationToken ct)
    {
        MachineJsonContext context = await ContextAsync(request, [allocation.Machine], ct);
        var constraints = new ConstraintsByType
        {
            Storage = allocation.Storage.Count == 0
                ? null
                : allocation.Storage.ToDictionary(p => p.Key, p => (IReadOnlyList<StorageMatch>)[.. p.Value.Select(StorageMatch.Disk)]),
            Interfaces = allocation.Interfaces.Count == 0 ? null : allocation.Interfaces,
            VerboseStorage = allocation.Verbose?.Storage,
            VerboseInterfaces = allocation.Verbose?.Interfaces,
        };
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        MachineJson.Render(allocation.Machine, context, constraints, buffer);
        return ApiResult.Bytes(StatusCodes.Status200OK, ApiResult.JsonContentType, buffer.WrittenSpan.ToArray());
    }

    /// <summary>
    /// The rendering context: stored zones, pools, domains, VLANs and subnets, the latest event of
    /// level INFO or above of each machine, and each machine's current script sets.
    /// </summary>
    public static Task<MachineJsonContext> ContextAsync(ApiRequest request, IReadOnlyList<Machine> machines, CancellationToken ct) =>
        ContextAsync(request.Http.RequestServices, machines, ct);

    /// <summary>The rendering context from the host's <paramref name="services"/> (also outside a request).</summary>
    public static async Task<MachineJsonContext> ContextAsync(IServiceProvider services, IReadOnlyList<Machine> machines, CancellationToken ct)
    {
        IReadOnlyList<Zone> zones = await services.GetRequiredService<IZoneStore>().ListAsync(ct);
        IReadOnlyList<ResourcePool> pools = await services.GetRequiredService<IResourcePoolStore>().ListAsync(ct);
        IReadOnlyList<Domain> domains = await services.GetRequiredService<IDomainStore>().ListAsync(ct);
        NetworkModel network = await services.GetRequiredService<INetworkStore>().LoadAsync(ct);
        // One query for the status messages: of these machines when there are few, of all otherwise.
        string[]? few = machines.Count <= 100 ? [.. machines.Select(m => m.SystemId)] : null;
        IReadOnlyDictionary<string, MachineEvent> latest = await services.GetRequiredService<IEventLog>().LatestAsync(few, EventLevel.Info, ct);
        // One read for the script set ids and testing statuses, the same way.
        IReadOnlyDictionary<string, ScriptSetSummary> summaries = machines.Count == 0 || services.GetService<IScriptResultStore>() is not { } results
            ? new Dictionary<string, ScriptSetSummary>()
            : await results.SummariesAsync(few, ct);

        return new MachineJsonContext
        {
            Zones = [.. zones.Select(z => new ZoneInfo(z.Id, z.Name, z.Description))],
            Pools = [.. pools.Select(p => new PoolInfo(p.Id, p.Name, p.Description))],
            Domains = [.. domains.Select(d => new DomainInfo(d.Id, d.Name, d.Authoritative, d.Ttl, d.IsDefault))],
            Vlans = Networks.NetworkInfos.Vlans(network),
            DefaultVlan = network.DefaultVlan(Fabric.DefaultId) is { } untagged ? Networks.NetworkInfos.Vlan(network, untagged) : VlanInfo.Default,
            Subnets = Networks.NetworkInfos.Subnets(network),
            LatestEvents = latest,
            ScriptSets = machines.DistinctBy(m => m.SystemId).ToDictionary(
                m => m.SystemId, m => CurrentScriptSets.Of(m, summaries.GetValueOrDefault(m.SystemId)), StringComparer.Ordinal),
        };
    }
}
