using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.Tags;

namespace Ingot.Api.Tags;

/// <summary>A tag as MAAS's <c>TagHandler</c> renders it: name, definition, comment, kernel_opts, resource_uri (by name).</summary>
public static class TagJson
{
    public static JsonObject Render(Tag tag) => new()
    {
        ["name"] = tag.Name,
        ["definition"] = tag.Definition,
        ["comment"] = tag.Comment,
        ["kernel_opts"] = tag.KernelOpts,
        ["resource_uri"] = ApiPaths.ResourceUri("tags", tag.Name),
    };

    public static JsonArray RenderList(IEnumerable<Tag> tags) => new([.. tags.Select(t => (JsonNode)Render(t))]);
}
