using System.Buffers;
using Ingot.Api.Wire;
using Ingot.Core.Domains;
using Ingot.Core.Machines;
using Ingot.Core.ResourcePools;
using Ingot.Core.Zones;
using Ingot.Wire.Machines;
using Ingot.Wire.Resources;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Tags;

/// <summary>
/// The machines of <c>tags/{name}/?op=machines</c> rendered as <c>machines/</c> renders them
/// (Ingot.Wire's <see cref="MachineJson"/>), with the zones, pools and domains as they are stored.
/// </summary>
internal static class TaggedMachineJson
{
    public static async Task<ApiResult> RenderAsync(ApiRequest request, IReadOnlyList<Machine> machines, CancellationToken ct)
    {
        IReadOnlyList<Zone> zones = await request.Service<ZoneOperations>().ListAsync(ct);
        IReadOnlyList<ResourcePool> pools = await request.Service<ResourcePoolOperations>().ListAsync(ct);
        IReadOnlyList<Domain> domains = await request.Service<DomainOperations>().ListAsync(ct);
        var context = new MachineJsonContext
        {
            Zones = [.. zones.Select(z => new ZoneInfo(z.Id, z.Name, z.Description))],
            Pools = [.. pools.Select(p => new PoolInfo(p.Id, p.Name, p.Description))],
            Domains = [.. domains.Select(d => new DomainInfo(d.Id, d.Name, d.Authoritative, d.Ttl, d.IsDefault))],
        };
        var body = new ArrayBufferWriter<byte>();
        MachineJson.RenderList(machines, context, body);
        return ApiResult.Bytes(StatusCodes.Status200OK, ApiResult.JsonContentType, body.WrittenSpan.ToArray());
    }
}
