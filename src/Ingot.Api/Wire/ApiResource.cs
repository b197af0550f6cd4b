using System.Text.RegularExpressions;

namespace Ingot.Api.Wire;

/// <summary>
/// One URL of the API 2.0 (relative to <c>/MAAS/api/2.0/</c>, e.g. <c>users/{username}/</c>, with
/// MAAS's trailing slash) and its handlers: <see cref="Auth"/> for OAuth-signed requests and
/// <see cref="Anon"/> for anonymous ones, as piston pairs them. A resource with only an anonymous
/// handler and <see cref="Authenticates"/> false (e.g. <c>version/</c>) ignores credentials entirely.
/// </summary>
public sealed partial class ApiResource
{
    public ApiResource(string path, ApiHandler? auth, ApiHandler? anon = null, bool authenticates = true)
    {
        if (auth is null && anon is null)
        {
            throw new ArgumentException($"Resource {path} has no handler.", nameof(auth));
        }

        if (path.StartsWith('/'))
        {
            throw new ArgumentException($"Resource path {path} must be relative to {ApiPaths.Prefix}.", nameof(path));
        }

        Path = path;
        Auth = auth;
        Anon = anon;
        Authenticates = authenticates;
        Params = [.. ParamPattern().Matches(path).Select(m => m.Groups[1].Value)];
    }

    /// <summary>The path template relative to <see cref="ApiPaths.Prefix"/>, e.g. <c>users/{username}/</c>.</summary>
    public string Path { get; }

    public ApiHandler? Auth { get; }

    public ApiHandler? Anon { get; }

    /// <summary>False for resources that never look at credentials (<c>version/</c>).</summary>
    public bool Authenticates { get; }

    /// <summary>The <c>{names}</c> of <see cref="Path"/>, in order.</summary>
    public IReadOnlyList<string> Params { get; }

    /// <summary>The resource's name in <c>describe/</c>: the auth handler's, else the anonymous one's.</summary>
    public string Name => (Auth ?? Anon)!.Name;

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex ParamPattern();
}
