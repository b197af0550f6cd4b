using Ingot.Api.Wire;
using Ingot.Core.Events;
using Ingot.Core.Machines;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>&lt;version&gt;/user-data</c> (<c>UserDataHandler</c>) and, under <c>curtin/</c>, curtin's
/// configuration. Reading it while DEPLOYING ends the deployment (DEPLOYED), as in MAAS; while
/// COMMISSIONING it records a "Gathering information" event. Ingot stores no user-data and does not
/// generate MAAS's script-runner user-data, so the answer is 404 (which cloud-init accepts).
/// </summary>
internal static class UserData
{
    public const string NoUserData = "No user data available for this node.";

    public static async Task<ApiResult> HandleAsync(MetadataRequest request, CancellationToken ct)
    {
        MetadataCaller caller = await request.CallerAsync(ct);
        if (caller.Machine is not { } machine)
        {
            return MetadataText.NotFound(NoUserData);
        }

        if (request.Path.Curtin)
        {
            return ApiResult.Bytes(StatusCodes.Status200OK, "application/octet-stream", System.Text.Encoding.UTF8.GetBytes(await Machines.CurtinConfig.RenderAsync(request.Services, machine, request.BaseUrl, ct)));
        }

        DateTime now = request.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        bool changed = machine.EndDeployment(now);
        if (machine.Status == MachineStatus.Commissioning)
        {
            machine.Record(EventTypes.GatheringInfo, "", now);
            changed = true;
        }

        if (changed)
        {
            await request.Service<IMachineStore>().SaveAsync(machine, ct);
        }

        return MetadataText.NotFound(NoUserData);
    }
}
