using System.Text.Json.Nodes;

namespace Ingot.Client;

/// <summary>
/// A resource of <c>describe/</c> as a command: its name (<c>machines</c>), its URL template
/// (<c>/MAAS/api/2.0/machines/{system_id}/</c>) with the positional parameters it needs, and its actions.
/// </summary>
public sealed record DescribedResource(string Command, string Doc, string Path, IReadOnlyList<string> Params, IReadOnlyList<DescribedAction> Actions)
{
    /// <summary>The resources of a <c>describe/</c> document: the authenticated handler of each, or the anonymous one
    /// when there is none or the profile is anonymous.</summary>
    public static IReadOnlyList<DescribedResource> All(JsonObject description, bool anonymous)
    {
        var resources = new List<DescribedResource>();
        foreach (JsonNode? resource in description["resources"] as JsonArray ?? [])
        {
            JsonObject? handler = (anonymous ? resource?["anon"] : resource?["auth"] ?? resource?["anon"]) as JsonObject;
            if (resource?["name"]?.GetValue<string>() is not { } name || handler is null)
            {
                continue;
            }

            resources.Add(new DescribedResource(
                HandlerNames.Command(name),
                handler["doc"]?.GetValue<string>() ?? "",
                handler["path"]?.GetValue<string>() ?? "",
                [.. (handler["params"] as JsonArray ?? []).Select(p => p!.GetValue<string>())],
                [.. (handler["actions"] as JsonArray ?? []).OfType<JsonObject>().Select(a => new DescribedAction(
                    a["name"]?.GetValue<string>() ?? "",
                    a["method"]?.GetValue<string>() ?? "GET",
                    a["op"]?.GetValue<string>(),
                    a["doc"]?.GetValue<string>() ?? ""))]));
        }

        return [.. resources.OrderBy(r => r.Command, StringComparer.Ordinal)];
    }

    public DescribedAction? Find(string command) => Actions.FirstOrDefault(a => a.Command == command || a.Name == command);
}
