using System.Text.Json.Nodes;
using Ingot.Api.PowerTypes;
using Ingot.Api.Version;
using Ingot.Api.Wire;
using Ingot.Api.Zones;
using Ingot.Core.Config;
using Ingot.Core.Domains;
using Ingot.Core.Forms;
using Ingot.Core.Networks;
using Ingot.Core.Power;
using Ingot.Core.Zones;

namespace Ingot.Api.RackControllers;

/// <summary>
/// <c>/MAAS/api/2.0/rackcontrollers/</c> (MAAS's <c>RackControllersHandler</c>, read only here):
/// Ingot's own rack role as one rack controller (<c>node_type</c> 2) with a stable system_id, this
/// host's name and Ingot's version. Clients such as Terraform and juju look for at least one.
/// </summary>
public static class RackControllersApi
{
    public static ApiResource Resource { get; } = new(
        "rackcontrollers/",
        new ApiHandler("RackControllersHandler", "Manage the collection of all rack controllers in MAAS.")
            .Read(ListAsync, "List Nodes visible to the user.\n\nList the rack controllers of this MAAS: Ingot's own rack role.")
            .Get("describe_power_types", DescribePowerTypes, "Get power information from rack controllers.\n\nThe power types Ingot can drive, with their parameters. Administrators only."));

    private static Task<ApiResult> DescribePowerTypes(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        return Task.FromResult(ApiResult.Json(PowerTypeJson.RenderList(request.Service<PowerTypeCatalog>().All)));
    }

    private static async Task<ApiResult> ListAsync(ApiRequest request, CancellationToken ct)
    {
        string systemId = await RackIdentity.SystemIdAsync(request.Service<IConfigStore>(), ct);
        string hostname = Environment.MachineName.ToLowerInvariant();
        Zone zone = await request.Service<ZoneOperations>().GetAsync(Zone.DefaultName, ct);
        return ApiResult.Json(new JsonArray(new JsonObject
        {
            ["system_id"] = systemId,
            ["hostname"] = hostname,
            ["fqdn"] = $"{hostname}.{Domain.DefaultName}",
            ["description"] = "",
            ["architecture"] = "",
            ["cpu_count"] = Environment.ProcessorCount,
            ["memory"] = 0,
            ["osystem"] = "",
            ["distro_series"] = "",
            ["power_type"] = "",
            ["power_state"] = "unknown",
            ["ip_addresses"] = new JsonArray(),
            ["interface_set"] = new JsonArray(),
            ["tag_names"] = new JsonArray(),
            ["zone"] = ZoneJson.Render(zone),
            ["node_type"] = 2,
            ["node_type_name"] = "Rack controller",
            ["version"] = VersionApi.Version,
            ["service_set"] = new JsonArray(),
            ["resource_uri"] = ApiPaths.ResourceUri("rackcontrollers", systemId),
        }));
    }
}
