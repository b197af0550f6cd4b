using Ingot.Api.Wire;
using Ingot.Core.Config;
using Ingot.Core.Forms;

namespace Ingot.Api.Config;

/// <summary>
/// <c>/MAAS/api/2.0/maas/</c> (MAAS's <c>MaasHandler</c>): <c>get_config</c> answers a setting's
/// value as JSON of its type; <c>set_config</c> (admin only) checks and stores one and answers
/// <c>OK</c>. Unknown names are MAAS's field error on <c>name</c> (400).
/// </summary>
public static class MaasApi
{
    public static ApiResource Resource { get; } = new(
        "maas/",
        new ApiHandler("MaasHandler", "Manage the MAAS server.")
            .Get("get_config", GetConfigAsync, $"""
                Get a configuration value.

                Get a configuration value.

                :param name: The name of the configuration item to be retrieved. Available items: {string.Join(", ", ConfigSettings.All.Select(s => s.Name))}.
                :type name: unicode
                """)
            .Post("set_config", SetConfigAsync, $"""
                Set a configuration value.

                Set a configuration value. Only administrators may do this.

                :param name: The name of the configuration item to be set. Available items: {string.Join(", ", ConfigSettings.All.Select(s => s.Name))}.
                :type name: unicode
                :param value: The value of the configuration item to be set.
                :type value: unicode
                """));

    private static async Task<ApiResult> GetConfigAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(await request.Service<ConfigSettings>().GetAsync(request.Parameters.Required("name"), ct));

    private static async Task<ApiResult> SetConfigAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        ApiParameters form = request.Parameters;
        string name = form.Required("name");
        string value = form.Get("value") ?? throw ApiException.BadRequest("No provided value!");
        await request.Service<ConfigSettings>().SetAsync(name, value, ct);
        return ApiResult.Ok();
    }
}
