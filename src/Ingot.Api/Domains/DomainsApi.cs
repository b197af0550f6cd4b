using Ingot.Api.Wire;
using Ingot.Core.Domains;
using Ingot.Core.Forms;

namespace Ingot.Api.Domains;

/// <summary>
/// <c>/MAAS/api/2.0/domains/</c> (MAAS's <c>DomainsHandler</c>): list; create (admin only).
/// MAAS's <c>set_serial</c> op is not offered: Ingot serves no DNS zones.
/// </summary>
public static class DomainsApi
{
    public static ApiResource Resource { get; } = new(
        "domains/",
        new ApiHandler("DomainsHandler", "Manage domains.")
            .Read(ListAsync, "List all domains.")
            .Create(CreateAsync, """
                Create a domain.

                Create a domain. Only administrators may create domains.

                :param name: Name of the domain.
                :type name: unicode
                :param authoritative: Whether MAAS is authoritative for this domain.
                :type authoritative: bool
                :param ttl: The default TTL for this domain, in seconds.
                :type ttl: int
                """));

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct) =>
        DomainJson.RenderList(await request.Service<DomainOperations>().ListAsync(ct));

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller); // before reading the TTL: a non-admin is refused whatever they send
        ApiParameters form = request.Parameters;
        (int? ttl, _) = DomainParameters.Ttl(form);
        Domain domain = await request.Service<DomainOperations>().CreateAsync(
            request.Caller, form.Get("name"), DomainParameters.Authoritative(form), ttl, ct);
        return DomainJson.Render(domain);
    }
}
