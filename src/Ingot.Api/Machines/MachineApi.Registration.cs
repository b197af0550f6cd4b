using Ingot.Api.Registration;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.Registration;

namespace Ingot.Api.Machines;

public static partial class MachineApi
{
    public const string NotDeployedForRegistration = "Only a deployed machine can report its hardware from its running system.";

    /// <summary>
    /// Ingot's <c>op=get_registration_command</c> (administrators): for a DEPLOYED machine (such as one
    /// added with <c>deployed=true</c>), a one-use URL serving the registration script and the command
    /// to run on the machine, <c>{"url": …, "command": "curl -fsSL &lt;url&gt; | sudo sh"}</c>. 409 in
    /// any other status.
    /// </summary>
    private static async Task<ApiResult> RegistrationCommandAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().GetForAdminReadAsync(SystemId(request), request.Caller, ct);
        if (machine.Status != MachineStatus.Deployed)
        {
            throw ApiException.Conflict(NotDeployedForRegistration);
        }

        MachineToken token = await new MachineTokens(request.Service<IMachineTokenStore>(), request.Service<TimeProvider>()).GetOrCreateAsync(machine.SystemId, ct);
        string url = RegistrationEndpoint.Url(request.Http.Request, RegistrationTokens.Issue(machine, token));
        return ApiResult.Json(new Dictionary<string, string> { ["url"] = url, ["command"] = $"curl -fsSL {url} | sudo sh" });
    }
}
