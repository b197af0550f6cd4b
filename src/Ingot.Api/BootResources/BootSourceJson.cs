using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.BootResources;

namespace Ingot.Api.BootResources;

/// <summary>
/// Boot sources and selections as MAAS's handlers render them (<c>DISPLAYED_BOOTSOURCE_FIELDS</c>,
/// <c>DISPLAYED_BOOTSOURCESELECTION_FIELDS</c>): keyring_data base64, dates as MAAS prints them.
/// </summary>
public static class BootSourceJson
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    public static JsonObject Render(BootSource source) => new()
    {
        ["id"] = source.Id,
        ["url"] = source.Url,
        ["priority"] = source.Priority,
        ["keyring_filename"] = source.KeyringFilename,
        ["keyring_data"] = Convert.ToBase64String(source.KeyringData),
        ["skip_keyring_verification"] = source.SkipKeyringVerification,
        ["created"] = source.Created.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["updated"] = source.Updated.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["resource_uri"] = ApiPaths.ResourceUri("boot-sources", Id(source.Id)),
    };

    public static JsonArray RenderList(IEnumerable<BootSource> sources) => new([.. sources.Select(s => (JsonNode)Render(s))]);

    public static JsonObject Render(BootSourceSelection selection) => new()
    {
        ["boot_source_id"] = selection.BootSourceId,
        ["id"] = selection.Id,
        ["os"] = selection.Os,
        ["release"] = selection.Release,
        ["arches"] = new JsonArray([.. selection.Arches.Select(a => (JsonNode)a)]),
        ["subarches"] = new JsonArray([.. selection.Subarches.Select(a => (JsonNode)a)]),
        ["labels"] = new JsonArray([.. selection.Labels.Select(a => (JsonNode)a)]),
        ["resource_uri"] = ApiPaths.ResourceUri("boot-sources", Id(selection.BootSourceId), "selections", Id(selection.Id)),
    };

    public static JsonArray RenderList(IEnumerable<BootSourceSelection> selections) => new([.. selections.Select(s => (JsonNode)Render(s))]);

    internal static BootSourceForm.Fields SourceFields(ApiParameters form) => new(
        form.Get("url"), form.Get("keyring_filename"), form.Get("keyring_data"), form.Get("priority"),
        form.Contains("skip_keyring_verification") ? form.GetBool("skip_keyring_verification", false) : null);

    internal static BootSourceSelectionForm.Fields SelectionFields(ApiParameters form) => new(
        form.Get("os"), form.Get("release"), form.GetAll("arches"), form.GetAll("subarches"), form.GetAll("labels"));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
