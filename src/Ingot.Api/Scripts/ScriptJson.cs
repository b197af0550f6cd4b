using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ingot.Core.Scripts.Catalog;

namespace Ingot.Api.Scripts;

/// <summary>
/// A script as MAAS's <c>NodeScriptHandler</c> renders it: id, name, title, description, tags, type
/// (+ name), hardware_type (+ name), parallel (+ name), results, parameters, packages, timeout
/// (Python's <c>str(timedelta)</c>), destructive, for_hardware, may_reboot, recommission, history
/// (newest first, <c>created</c> in RFC 2822, <c>data</c> base64 with <c>include_script</c>), default,
/// apply_configured_networking and <c>resource_uri</c> (<c>scripts/&lt;name&gt;</c>, no trailing slash).
/// </summary>
internal static class ScriptJson
{
    public static JsonArray RenderList(IEnumerable<Script> scripts, bool includeScript) =>
        new([.. scripts.Select(s => (JsonNode)Render(s, includeScript))]);

    public static JsonObject Render(Script script, bool includeScript = false) => new()
    {
        ["id"] = script.Id,
        ["name"] = script.Name,
        ["title"] = script.Title,
        ["description"] = script.Description,
        ["tags"] = new JsonArray([.. script.Tags.Select(t => (JsonNode)t)]),
        ["type"] = (int)script.Type,
        ["type_name"] = ScriptChoices.TypeName(script.Type),
        ["hardware_type"] = script.HardwareType,
        ["hardware_type_name"] = ScriptChoices.HardwareTypeNames[script.HardwareType],
        ["parallel"] = script.Parallel,
        ["parallel_name"] = ScriptChoices.ParallelNames[script.Parallel],
        ["results"] = JsonNode.Parse(script.Results),
        ["parameters"] = JsonNode.Parse(script.Parameters),
        ["packages"] = JsonNode.Parse(script.Packages),
        ["timeout"] = ScriptChoices.TimeoutText(script.TimeoutSeconds),
        ["destructive"] = script.Destructive,
        ["for_hardware"] = new JsonArray([.. script.ForHardware.Select(h => (JsonNode)h)]),
        ["may_reboot"] = script.MayReboot,
        ["recommission"] = script.Recommission,
        ["history"] = History(script, includeScript),
        ["default"] = script.Default,
        ["apply_configured_networking"] = script.ApplyConfiguredNetworking,
        ["resource_uri"] = $"/MAAS/api/2.0/scripts/{Uri.EscapeDataString(script.Name)}",
    };

    private static JsonArray History(Script script, bool includeScript)
    {
        var history = new JsonArray();
        foreach (ScriptVersion version in Enumerable.Reverse(script.Versions))
        {
            var entry = new JsonObject
            {
                ["id"] = script.VersionId(version),
                ["comment"] = version.Comment,
                ["created"] = version.Created.ToString("ddd, dd MMM yyyy HH:mm:ss '-0000'", CultureInfo.InvariantCulture),
            };
            if (includeScript)
            {
                entry["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(version.Data));
            }

            history.Add(entry);
        }

        return history;
    }
}
