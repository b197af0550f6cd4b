using Ingot.Api.Wire;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Metadata;
using Ingot.Core.Power;
using Ingot.Wire.Machines;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Machines;

public static partial class MachineApi
{
    /// <summary>
    /// <c>{"state": "on|off|unknown|error"}</c>: asks the BMC through the power layer and stores the answer, as
    /// MAAS does (bounded by the drivers' retries); without power execution (tests) the stored state is answered.
    /// </summary>
    private static async Task<ApiResult> QueryPowerStateAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().GetAsync(SystemId(request), request.Caller, NodePermission.View, ct);
        PowerState state = machine.PowerState;
        if (request.OptionalService<IPowerClient>() is { } client)
        {
            state = (await new MachinePower(request.Service<IMachineStore>(), client, request.Service<TimeProvider>()).QueryAsync(machine, ct)).State;
        }

        return ApiResult.Json(new Dictionary<string, string> { ["state"] = MachineJson.PowerStateName(state) });
    }

    /// <summary>The machine's power parameters, secrets included: administrators only (MAAS's <c>admin_read</c>).</summary>
    internal static async Task<ApiResult> PowerParametersAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().GetForAdminReadAsync(SystemId(request), request.Caller, ct);
        return ApiResult.Json(machine.PowerParameters);
    }

    /// <summary>
    /// The BSON document gomaasclient decodes: <c>lshw</c> and <c>lldp</c> are the XML the machine's
    /// commissioning last uploaded (each null when there is none).
    /// </summary>
    internal static async Task<ApiResult> DetailsAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().GetAsync(SystemId(request), request.Caller, NodePermission.View, ct);
        HardwareDetails details = await request.Service<IHardwareDetailsStore>().GetAsync(machine.SystemId, ct);
        return ApiResult.Bytes(StatusCodes.Status200OK, DetailsBson.ContentType, DetailsBson.Render(details.Lldp, details.Lshw));
    }

    private static async Task<ApiResult> CurtinConfigAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().GetInDeploymentAsync(SystemId(request), request.Caller, ct);
        string baseUrl = $"{request.Http.Request.Scheme}://{request.Http.Request.Host}";
        return ApiResult.Text(await CurtinConfig.RenderAsync(request.Http.RequestServices, machine, baseUrl, ct));
    }

    /// <summary>
    /// The machine's metadata token (<c>token_key</c>, <c>token_secret</c>, <c>consumer_key</c>), or null
    /// when it has none yet (one is made when its preseed is first served): administrators only.
    /// </summary>
    private static async Task<ApiResult> TokenAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().GetForAdminReadAsync(SystemId(request), request.Caller, ct);
        if (await request.Service<IMachineTokenStore>().FindForMachineAsync(machine.SystemId, ct) is not { } token)
        {
            return ApiResult.Json((object?)null);
        }

        return ApiResult.Json(new Dictionary<string, string>
        {
            ["token_key"] = token.TokenKey,
            ["token_secret"] = token.TokenSecret,
            ["consumer_key"] = token.ConsumerKey,
        });
    }
}
