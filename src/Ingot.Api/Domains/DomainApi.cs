using Ingot.Api.Wire;
using Ingot.Core.Domains;
using Ingot.Core.Forms;

namespace Ingot.Api.Domains;

/// <summary>
/// <c>/MAAS/api/2.0/domains/{id}/</c> (MAAS's <c>DomainHandler</c>), by id or name: read; update and
/// delete (admin only). The default domain cannot be renamed or deleted, nor a domain with machines.
/// MAAS's <c>set_default</c> op is not offered: Core's default domain is fixed (id 0, <c>maas</c>).
/// </summary>
public static class DomainApi
{
    public static ApiResource Resource { get; } = new(
        "domains/{id}/",
        new ApiHandler("DomainHandler", "Manage domain.")
            .Read(ReadAsync, "Read domain.\n\nRead a domain with the given id (or name).")
            .Update(UpdateAsync, """
                Update a domain.

                Update a domain with the given id. Only administrators may update domains.

                :param name: Name of the domain.
                :type name: unicode
                :param authoritative: Whether MAAS is authoritative for this domain.
                :type authoritative: bool
                :param ttl: The default TTL for this domain, in seconds; empty for the global default.
                :type ttl: int
                """)
            .Delete(DeleteAsync, "Delete domain.\n\nDelete a domain with the given id. The default domain and domains with machines cannot be deleted."));

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct) =>
        DomainJson.Render(await request.Service<DomainOperations>().GetAsync(request.Route("id"), ct));

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller); // before reading the TTL: a non-admin is refused whatever they send
        ApiParameters form = request.Parameters;
        (int? ttl, bool clear) = DomainParameters.Ttl(form);
        Domain domain = await request.Service<DomainOperations>().UpdateAsync(
            request.Caller, request.Route("id"), form.Get("name"), DomainParameters.Authoritative(form), ttl, clear, ct);
        return DomainJson.Render(domain);
    }

    private static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Service<DomainOperations>().DeleteAsync(request.Caller, request.Route("id"), ct);
        return ApiResult.Deleted();
    }
}
