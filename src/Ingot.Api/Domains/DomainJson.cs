using Ingot.Api.Wire;
using Ingot.Core.Domains;
using Ingot.Wire.Resources;

namespace Ingot.Api.Domains;

/// <summary>
/// A domain as MAAS's <c>DomainHandler</c> renders it (the same object the machine JSON nests):
/// authoritative, ttl, is_default, resource_record_count (0: Ingot keeps no DNS records), id, name, resource_uri.
/// </summary>
public static class DomainJson
{
    public static ApiResult Render(Domain domain) => ApiResult.Json(w => ResourceJson.WriteDomain(w, Info(domain)));

    public static ApiResult RenderList(IReadOnlyList<Domain> domains) => ApiResult.Json(w =>
    {
        w.WriteStartArray();
        foreach (Domain domain in domains)
        {
            ResourceJson.WriteDomain(w, Info(domain));
        }

        w.WriteEndArray();
    });

    private static DomainInfo Info(Domain domain) => new(domain.Id, domain.Name, domain.Authoritative, domain.Ttl, domain.IsDefault);
}
