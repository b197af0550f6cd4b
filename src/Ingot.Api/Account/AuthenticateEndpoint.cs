using System.Text;
using Ingot.Api.Dispatch;
using Ingot.Api.Wire;
using Ingot.Core.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingot.Api.Account;

/// <summary>
/// <c>POST /MAAS/accounts/authenticate/</c> (MAAS's <c>views.account.authenticate</c>, used by
/// <c>maas login</c> with a password and python-libmaas's <c>login</c>): form fields <c>username</c>,
/// <c>password</c> and optional <c>consumer</c> → the user's token as JSON; wrong credentials or an
/// inactive user → 403 with an empty body; any other method → 405.
/// </summary>
public static class AuthenticateEndpoint
{
    public static async Task HandleAsync(HttpContext http)
    {
        CancellationToken ct = http.RequestAborted;
        ApiResult result;
        try
        {
            result = await AuthenticateAsync(http, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            result = ApiErrors.Render(e);
        }

        await result.WriteAsync(http.Response, ct);
    }

    private static async Task<ApiResult> AuthenticateAsync(HttpContext http, CancellationToken ct)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return ApiResult.Text("", StatusCodes.Status405MethodNotAllowed).WithHeader("Allow", HttpMethods.Post);
        }

        ApiBody body = await ApiBody.ReadAsync(http.Request, http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes, ct);
        string username = body.Form.Get("username") ?? "";
        string password = body.Form.Get("password") ?? "";
        ApiToken? token = await http.RequestServices.GetRequiredService<UserAccounts>().AuthenticateAsync(username, password, body.Form.Get("consumer"), ct);
        return token is null
            ? ApiResult.Text("", StatusCodes.Status403Forbidden)
            : ApiResult.Bytes(StatusCodes.Status200OK, "application/json", Encoding.UTF8.GetBytes(TokenJson.Credentials(token).ToJsonString()));
    }
}
