using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Wire;

/// <summary>
/// A MAAS handler (e.g. <c>UsersHandler</c>, <c>AnonMachinesHandler</c>): a name, a doc and a table of
/// (method, op) → operation, built fluently. Action docs that take parameters must carry
/// <c>:param name: …</c> lines after their first paragraph, or the <c>maas</c> CLI refuses arguments.
/// </summary>
public sealed class ApiHandler(string name, string doc)
{
    private readonly List<ApiAction> _actions = [];

    public string Name { get; } = name;

    public string Doc { get; } = doc;

    public IReadOnlyList<ApiAction> Actions => _actions;

    /// <summary>The HTTP methods this handler answers (piston's <c>allowed_methods</c>).</summary>
    public IEnumerable<string> Methods => _actions.Select(a => a.Method).Distinct();

    /// <summary><c>GET</c> without op.</summary>
    public ApiHandler Read(ApiOperation operation, string doc) => Add(new ApiAction("read", HttpMethods.Get, null, doc, operation));

    /// <summary><c>POST</c> without op.</summary>
    public ApiHandler Create(ApiOperation operation, string doc) => Add(new ApiAction("create", HttpMethods.Post, null, doc, operation));

    /// <summary><c>PUT</c> (never has an op).</summary>
    public ApiHandler Update(ApiOperation operation, string doc) => Add(new ApiAction("update", HttpMethods.Put, null, doc, operation));

    /// <summary><c>DELETE</c> (never has an op).</summary>
    public ApiHandler Delete(ApiOperation operation, string doc) => Add(new ApiAction("delete", HttpMethods.Delete, null, doc, operation));

    /// <summary><c>GET ?op=<paramref name="op"/></c> (MAAS's <c>@operation(idempotent=True)</c>).</summary>
    public ApiHandler Get(string op, ApiOperation operation, string doc) => Add(new ApiAction(op, HttpMethods.Get, op, doc, operation));

    /// <summary><c>POST ?op=<paramref name="op"/></c> (MAAS's <c>@operation(idempotent=False)</c>).</summary>
    public ApiHandler Post(string op, ApiOperation operation, string doc) => Add(new ApiAction(op, HttpMethods.Post, op, doc, operation));

    public ApiAction? Find(string method, string? op) =>
        _actions.Find(a => a.Method == method && a.Op == op);

    private ApiHandler Add(ApiAction action)
    {
        if (Find(action.Method, action.Op) is not null)
        {
            throw new InvalidOperationException($"{Name} already has an action for method={action.Method} op={action.Op ?? "None"}.");
        }

        _actions.Add(action);
        return this;
    }
}
