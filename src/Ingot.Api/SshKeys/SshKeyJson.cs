using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.Users;

namespace Ingot.Api.SshKeys;

/// <summary>
/// An SSH key as MAAS's <c>SSHKeyHandler</c> renders it (<c>DISPLAY_SSHKEY_FIELDS</c>): id, key,
/// keysource ("" for a key that was not imported) and resource_uri.
/// </summary>
public static class SshKeyJson
{
    public static JsonObject Render(SshKey key) => new()
    {
        ["id"] = key.Id,
        ["key"] = key.Key,
        ["keysource"] = "",
        ["resource_uri"] = ApiPaths.ResourceUri("account", "prefs", "sshkeys", key.Id.ToString(CultureInfo.InvariantCulture)),
    };

    public static JsonArray RenderList(IEnumerable<SshKey> keys) => new([.. keys.Select(k => (JsonNode)Render(k))]);
}
