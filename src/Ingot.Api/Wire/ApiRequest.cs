using Ingot.Core.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Wire;

/// <summary>
/// What an operation gets: who is calling, the parameters (query string and body, already decoded,
/// base64 multipart parts included), the path parameters, uploaded files and the request services.
/// </summary>
public sealed class ApiRequest
{
    private readonly IReadOnlyDictionary<string, string> _route;

    internal ApiRequest(HttpContext http, User? user, string? op, ApiParameters query, ApiParameters form, IReadOnlyList<ApiFile> files, IReadOnlyDictionary<string, string> route)
    {
        Http = http;
        User = user;
        Op = op;
        Query = query;
        Form = form;
        Files = files;
        _route = route;
    }

    public HttpContext Http { get; }

    /// <summary>The authenticated user; null on anonymous handlers.</summary>
    public User? User { get; }

    /// <summary>The caller as Core sees it; null when anonymous.</summary>
    public Actor? Actor => User?.ToActor();

    /// <summary>The caller on an authenticated handler (never null there).</summary>
    public Actor Caller => Actor ?? throw ApiException.Unauthorized("Forbidden");

    public string Method => Http.Request.Method;

    public string? Op { get; }

    public ApiParameters Query { get; }

    /// <summary>The body's fields (form-urlencoded or multipart); empty for other bodies.</summary>
    public ApiParameters Form { get; }

    /// <summary>What MAAS's handlers read: the query string for GET and DELETE, the body otherwise.</summary>
    public ApiParameters Parameters => HttpMethods.IsGet(Method) || HttpMethods.IsDelete(Method) ? Query : Form;

    public IReadOnlyList<ApiFile> Files { get; }

    /// <summary>The value of the path parameter <c>{<paramref name="name"/>}</c>.</summary>
    public string Route(string name) =>
        _route.TryGetValue(name, out string? value) ? value : throw new InvalidOperationException($"The resource has no path parameter {{{name}}}.");

    public T Service<T>()
        where T : notnull => Http.RequestServices.GetRequiredService<T>();

    /// <summary>A service the composition root may leave out (e.g. power execution), or null.</summary>
    public T? OptionalService<T>()
        where T : class => Http.RequestServices.GetService<T>();
}
