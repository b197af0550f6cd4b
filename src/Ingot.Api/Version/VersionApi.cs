using System.Text.Json.Nodes;
using Ingot.Api.Wire;

namespace Ingot.Api.Version;

/// <summary>
/// <c>GET /MAAS/api/2.0/version/</c> (MAAS's <c>VersionHandler</c>, anonymous, credentials ignored):
/// the capabilities MAAS advertises, the version and an empty subversion. gomaasapi requires all three
/// keys; python-libmaas's login needs <c>authenticate-api</c>.
/// </summary>
public static class VersionApi
{
    public static IReadOnlyList<string> Capabilities { get; } =
    [
        "networks-management",
        "static-ipaddresses",
        "ipv6-deployment-ubuntu",
        "devices-management",
        "storage-deployment-ubuntu",
        "network-deployment-ubuntu",
        "bridging-interface-ubuntu",
        "bridging-automatic-ubuntu",
        "authenticate-api",
    ];

    public static string Version { get; } = typeof(VersionApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static ApiResource Resource { get; } = new(
        "version/",
        auth: null,
        anon: new ApiHandler("VersionHandler", "Information about this MAAS instance.\n\nThis returns a JSON dictionary with information about this\nMAAS instance:\n\n    {\n        'version': '1.8.0',\n        'subversion': 'alpha10+bzr3750',\n        'capabilities': ['capability1', 'capability2', ...]\n    }")
            .Read(ReadAsync, "Version and capabilities of this MAAS instance."),
        authenticates: false);

    private static Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct) =>
        Task.FromResult(ApiResult.Json(new JsonObject
        {
            ["capabilities"] = new JsonArray([.. Capabilities.Select(c => (JsonNode)c)]),
            ["version"] = Version,
            ["subversion"] = "",
        }));
}
