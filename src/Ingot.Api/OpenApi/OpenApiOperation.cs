using System.Text.Json.Nodes;
using Ingot.Api.Wire;

namespace Ingot.Api.OpenApi;

/// <summary>One HTTP method of a resource as an OpenAPI operation, with its MAAS ops (see <see cref="OpenApiDocument"/>).</summary>
internal static class OpenApiOperation
{
    private static readonly string[] s_formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

    public static JsonObject Build(ApiResource resource, string method, IReadOnlyList<(ApiAction Action, bool Anonymous)> actions)
    {
        ApiAction? plain = actions.Select(a => a.Action).FirstOrDefault(a => a.Op is null);
        List<string> ops = [.. actions.Select(a => a.Action.Op).OfType<string>().Order(StringComparer.Ordinal)];
        var fields = actions
            .SelectMany(a => ActionParameters.Of(a.Action.Doc))
            .Where(p => p.Name != "op" && (!OpenApiDocument.InQuery(method) || !resource.Params.Contains(p.Name)))
            .DistinctBy(p => p.Name)
            .ToList();

        var parameters = new JsonArray();
        if (ops.Count > 0)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = "op",
                ["in"] = "query",
                ["required"] = plain is null,
                ["description"] = "The MAAS operation.",
                ["schema"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. ops.Select(o => (JsonNode)o)]) },
            });
        }

        var operation = new JsonObject
        {
            ["operationId"] = $"{resource.Name}_{method.ToLowerInvariant()}",
            ["summary"] = Summary(plain?.Doc ?? actions[0].Action.Doc),
            ["description"] = string.Join("\n\n", actions.Select(a => a.Action.Op is null ? a.Action.Doc : $"op={a.Action.Op}: {a.Action.Doc}")),
            ["tags"] = new JsonArray(resource.Name),
        };
        if (OpenApiDocument.InQuery(method))
        {
            foreach ((string name, string description, string type) in fields)
            {
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = Schema(type) });
            }
        }
        else if (fields.Count > 0)
        {
            operation["requestBody"] = Body(fields);
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        operation["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "Success; errors are 4xx/5xx with a text body, or 400 with a JSON dict of field errors." } };
        operation["security"] = actions.All(a => a.Anonymous)
            ? new JsonArray(new JsonObject())
            : new JsonArray(new JsonObject { ["oauth"] = new JsonArray() });
        if (ops.Count > 0)
        {
            operation["x-maas-ops"] = new JsonArray([.. actions.Where(a => a.Action.Op is not null).Select(a => (JsonNode)new JsonObject
            {
                ["op"] = a.Action.Op,
                ["name"] = a.Action.Name,
                ["anonymous"] = a.Anonymous,
                ["summary"] = Summary(a.Action.Doc),
                ["parameters"] = new JsonArray([.. ActionParameters.Of(a.Action.Doc).Select(p => (JsonNode)p.Name)]),
            })]);
        }

        return operation;
    }

    private static JsonObject Body(List<(string Name, string Description, string Type)> fields)
    {
        var content = new JsonObject();
        foreach (string type in s_formTypes)
        {
            var properties = new JsonObject();
            foreach ((string name, string description, string schemaType) in fields)
            {
                JsonObject schema = Schema(schemaType);
                schema["description"] = description;
                properties[name] = schema;
            }

            content[type] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = properties } };
        }

        return new JsonObject { ["required"] = false, ["content"] = content };
    }

    private static JsonObject Schema(string type) => new() { ["type"] = type };

    private static string Summary(string doc) => doc.Split('\n', 2)[0].Trim();
}
