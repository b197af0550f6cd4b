using System.Text.Json.Nodes;
using Ingot.Core.NetworkConfig;
using Ingot.Core.Rendering;
using Ingot.Core.Storage;

namespace Ingot.Core.Curtin;

/// <summary>
/// The curtin configuration MAAS serves the installer (<c>curtin/&lt;ver&gt;/user-data</c>) and
/// <c>op=get_curtin_config</c> shows (MAAS's <c>get_curtin_config</c>, <c>curtin_userdata</c>): install logs,
/// reporting to the status webhook, the storage config v1 of the machine's layout (not for whole-disk images),
/// the network config v1, the image source, the kernel for root tarballs, grub, the <c>netboot_off</c> late
/// command, and the cloud-init settings the installed system gets (the MAAS datasource with the machine's
/// token, the reporting webhook). Pure.
/// </summary>
public static class CurtinDocument
{
    public static string Render(CurtinDocumentInput input)
    {
        string systemId = input.Machine.SystemId;
        var document = new JsonObject
        {
            ["install"] = new JsonObject
            {
                ["log_file"] = "/tmp/install.log",
                ["error_tarfile"] = "/tmp/curtin-logs.tar",
                ["post_files"] = new JsonArray("/tmp/install.log", "/tmp/curtin-logs.tar"),
                ["save_install_config"] = "/root/curtin-install-cfg.yaml",
            },
            ["verbosity"] = 3,
        };
        if (input.Token is { } token)
        {
            var webhook = Credentials(input, "endpoint", $"{input.BaseUrl}/MAAS/metadata/status/{systemId}");
            webhook.Insert(0, "type", "webhook");
            webhook["level"] = "INFO";
            document["reporting"] = new JsonObject { ["maas"] = webhook };
        }

        if (input.Source?.IsDiskImage != true)
        {
            document["storage"] = CurtinStorage.Render(input.Machine);
            document["partitioning_commands"] = new JsonObject { ["builtin"] = new JsonArray("curtin", "block-meta", "custom") };
        }

        document["network"] = CloudInitNetworkV1.Network(input.Network);
        document["network_commands"] = new JsonObject { ["builtin"] = new JsonArray("curtin", "net-meta", "custom") };
        if (input.Source is { } source)
        {
            document["sources"] = new JsonObject { ["goal"] = new JsonObject { ["type"] = source.Type, ["uri"] = source.Uri } };
            if (source.IsRootTarball && input.KernelPackage.Length > 0)
            {
                document["kernel"] = new JsonObject { ["package"] = input.KernelPackage, ["fallback-package"] = input.KernelPackage };
            }
        }

        document["grub"] = new JsonObject { ["update_nvram"] = StorageSpace.IsUefi(input.Machine) };
        document["late_commands"] = new JsonObject
        {
            ["maas"] = new JsonArray("wget", "--no-proxy", $"{input.BaseUrl}/MAAS/metadata/latest/by-id/{systemId}/", "--post-data", "op=netboot_off", "-O", "/dev/null"),
        };
        if (input.Token is not null)
        {
            document["cloudconfig"] = CloudConfig(input);
        }

        return YamlText.Write(document);
    }

    /// <summary>The installed system's cloud-init: MAAS as its only datasource, with the token; events to the webhook.</summary>
    private static JsonObject CloudConfig(CurtinDocumentInput input)
    {
        var datasource = new JsonObject
        {
            ["datasource"] = new JsonObject { ["MAAS"] = Credentials(input, "metadata_url", $"{input.BaseUrl}/MAAS/metadata/") },
            ["manual_cache_clean"] = true,
        };
        var reporting = Credentials(input, "endpoint", $"{input.BaseUrl}/MAAS/metadata/status/{input.Machine.SystemId}");
        reporting.Insert(0, "type", "webhook");
        return new JsonObject
        {
            ["maas-datasource"] = new JsonObject { ["content"] = "datasource_list: [ MAAS ]\n" },
            ["maas-cloud-config"] = new JsonObject { ["content"] = YamlText.Write(datasource, "#cloud-config\n") },
            ["maas-reporting"] = new JsonObject
            {
                ["content"] = YamlText.Write(new JsonObject { ["reporting"] = new JsonObject { ["maas"] = reporting } }, "#cloud-config\n"),
            },
        };
    }

    private static JsonObject Credentials(CurtinDocumentInput input, string urlKey, string url) => new()
    {
        [urlKey] = url,
        ["consumer_key"] = input.Token!.ConsumerKey,
        ["token_key"] = input.Token.TokenKey,
        ["token_secret"] = input.Token.TokenSecret,
    };
}
