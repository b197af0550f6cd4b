using System.Globalization;
using System.Text.Json.Nodes;
using Ingot.Api.Wire;
using Ingot.Core.BootResources;

namespace Ingot.Api.BootResources;

/// <summary>
/// A boot resource as MAAS's <c>boot_resource_to_dict</c> renders it: id, type (<c>Synced</c>,
/// <c>Uploaded</c>), name, architecture, resource_uri, last_deployed, the extra fields, base_image when
/// set and, for one resource, its sets by version (newest first) with their files by file name.
/// </summary>
public static class BootResourceJson
{
    public static JsonObject Render(BootResource resource, bool withSets)
    {
        var json = new JsonObject
        {
            ["id"] = resource.Id,
            ["type"] = resource.Type.ToString(),
            ["name"] = resource.Name,
            ["architecture"] = resource.Architecture,
            ["resource_uri"] = ApiPaths.ResourceUri("boot-resources", Id(resource.Id)),
            ["last_deployed"] = null,
        };
        foreach ((string key, string value) in resource.Extra)
        {
            json[key] = value;
        }

        if (resource.BaseImage.Length > 0)
        {
            json["base_image"] = resource.BaseImage;
        }

        if (withSets)
        {
            var sets = new JsonObject();
            foreach (BootResourceSet set in resource.Sets.OrderByDescending(s => s.Id))
            {
                sets[set.Version] = RenderSet(resource, set);
            }

            json["sets"] = sets;
        }

        return json;
    }

    public static JsonArray RenderList(IEnumerable<BootResource> resources) =>
        new([.. resources.Select(r => (JsonNode)Render(r, withSets: false))]);

    private static JsonObject RenderSet(BootResource resource, BootResourceSet set)
    {
        var json = new JsonObject
        {
            ["version"] = set.Version,
            ["label"] = set.Label,
            ["size"] = set.Size,
            ["complete"] = set.Complete,
        };
        if (!set.Complete)
        {
            json["progress"] = set.Progress;
        }

        var files = new JsonObject();
        foreach (BootResourceFile file in set.Files)
        {
            files[file.Filename] = RenderFile(resource, file);
        }

        json["files"] = files;
        return json;
    }

    private static JsonObject RenderFile(BootResource resource, BootResourceFile file)
    {
        var json = new JsonObject
        {
            ["filename"] = file.Filename,
            ["filetype"] = file.FileType,
            ["sha256"] = file.Sha256,
            ["filename_on_disk"] = file.FilenameOnDisk,
            ["size"] = file.Size,
            ["complete"] = file.Complete,
        };
        if (!file.Complete)
        {
            json["progress"] = file.Progress;
            if (resource.Type == BootResourceType.Uploaded)
            {
                json["upload_uri"] = ApiPaths.ResourceUri("boot-resources", Id(resource.Id), "upload", Id(file.Id));
            }
        }

        return json;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
