using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.Registration;
using Ingot.Core.Scripts;

namespace Ingot.Api.Machines;

public static partial class MachineApi
{
    public const string NotDeployedForRegistration = RegistrationCommand.NotDeployed;

    /// <summary>
    /// Ingot's <c>op=get_registration_command</c> (administrators): for a DEPLOYED machine (such as one
    /// added with <c>deployed=true</c>), a one-use URL serving the registration script and the command
    /// to run on the machine, <c>{"url": …, "command": "curl -fsSL &lt;url&gt; | sudo sh"}</c>
    /// (<see cref="RegistrationCommand"/>, which the machine page's button shows too). 409 in any other status.
    /// </summary>
    private static async Task<ApiResult> RegistrationCommandAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().GetForAdminReadAsync(SystemId(request), request.Caller, ct);
        if (machine.Status != MachineStatus.Deployed)
        {
            throw ApiException.Conflict(NotDeployedForRegistration);
        }

        var tokens = new MachineTokens(request.Service<IMachineTokenStore>(), request.Service<TimeProvider>());
        string origin = $"{request.Http.Request.Scheme}://{request.Http.Request.Host}";
        RegistrationCommand command = await RegistrationCommand.IssueAsync(origin, machine, tokens, request.Service<IScriptResultStore>(), ct);
        return ApiResult.Json(new Dictionary<string, string> { ["url"] = command.Url, ["command"] = command.Command });
    }
}
