
namespace Ingot.Hosting;

/// <summary>
/// MAAS's anonymous version endpoints: <c>GET /MAAS/api/version/</c> answers <c>2.0</c> as plain
/// text, <c>GET /MAAS/api/2.0/version/</c> a JSON object with capabilities, version and subversion.
/// The rest of the REST API arrives with its own issue.
/// </summary>
public static class VersionEndpoints
{
    public static string Version { get; } = typeof(VersionEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static IEndpointRouteBuilder MapVersionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/MAAS/api/version/", () => Results.Text("2.0", "text/plain"));
        app.MapGet("/MAAS/api/2.0/version/", () => Results.Json(new VersionResponse([], Version, "")));
        return app;
    }

    private sealed record VersionResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("capabilities")] string[] Capabilities,
        [property: System.Text.Json.Serialization.JsonPropertyName("version")] string Version,
        [property: System.Text.Json.Serialization.JsonPropertyName("subversion")] string Subversion);
}
