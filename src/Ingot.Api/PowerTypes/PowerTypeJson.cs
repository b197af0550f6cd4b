using System.Text.Json.Nodes;
using Ingot.Core.Power;

namespace Ingot.Api.PowerTypes;

/// <summary>
/// A power type as MAAS's <c>describe_power_types</c> renders it (<c>PowerDriverBase.get_schema</c>):
/// driver_type, name, description, chassis, can_probe, fields (name, label, required, field_type,
/// choices as [value, label] pairs, default, scope, secret), queryable, missing_packages, ip_extractor.
/// </summary>
internal static class PowerTypeJson
{
    public static JsonArray RenderList(IEnumerable<PowerTypeSchema> schemas) => [.. schemas.Select(Render)];

    public static JsonObject Render(PowerTypeSchema schema)
    {
        var json = new JsonObject
        {
            ["driver_type"] = "power",
            ["name"] = schema.Name,
            ["description"] = schema.Description,
            ["chassis"] = schema.Chassis,
            ["can_probe"] = schema.CanProbe,
            ["fields"] = new JsonArray([.. schema.Fields.Select(RenderField)]),
            ["queryable"] = schema.Queryable,
            ["missing_packages"] = new JsonArray([.. schema.MissingPackages.Select(p => (JsonNode)p)]),
        };
        if (schema.IpExtractorField is { } field)
        {
            json["ip_extractor"] = new JsonObject
            {
                ["field_name"] = field,
                ["pattern"] = schema.Name == "webhook" ? UrlPattern : "^(?P<address>.+?)$",
            };
        }

        return json;
    }

    private static JsonObject RenderField(PowerParameterField field) => new()
    {
        ["name"] = field.Name,
        ["label"] = field.Label,
        ["required"] = field.Required,
        ["field_type"] = field.FieldType,
        ["choices"] = new JsonArray([.. field.Choices.Select(c => (JsonNode)new JsonArray(c.Value, c.Label))]),
        ["default"] = field.IsMultipleChoice ? new JsonArray([.. field.DefaultChoices.Select(d => (JsonNode)d)]) : field.Default,
        ["scope"] = field.Scope == PowerParameterScope.Node ? "node" : "bmc",
        ["secret"] = field.Secret,
    };

    /// <summary>MAAS's <c>IP_EXTRACTOR_PATTERNS.URL</c> (a Python regular expression, shown as MAAS shows it).</summary>
    private const string UrlPattern =
        @"^((?P<schema>.+?)://)?((?P<user>.+?)(:(?P<password>.*?))?@)?(?:\[(?=[0-9a-fA-F]*:[0-9a-fA-F.:]+\]))?"
        + @"(?P<address>(?:(?:[^\[\]/:]*(?!\]))|(?:(?<=\[)[0-9a-fA-F:.]+(?=\]))))\]?(:(?P<port>\d+?))?(?P<path>/.*?)?(?P<query>[?].*?)?$";
}
