using System.Text.Json.Nodes;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;

namespace Ingot.Api.Metadata;

/// <summary>
/// The cloud-init configuration the installer writes into the deployed OS (MAAS's
/// <c>compose_curtin_cloud_config</c> / <c>compose_debconf_cloud_init_preseed</c>), as curtin's
/// <c>cloudconfig</c> section: files under <c>/etc/cloud/cloud.cfg.d/</c> that make the installed
/// cloud-init use only the MAAS datasource, at <c>…/MAAS/metadata/</c> with the machine's token
/// (so its first boot reads <c>user-data</c>, which marks the machine DEPLOYED, and gets the user's
/// <c>user_data</c> and the owner's SSH keys from <c>meta-data/public-keys</c>), report to the status
/// webhook, and keep its cache across reboots (<c>manual_cache_clean</c>). <c>get_curtin_config</c>
/// puts <see cref="Section"/> under its <c>cloudconfig</c> key.
/// </summary>
public static class DeployedCloudConfig
{
    public const string DatasourcePath = "/etc/cloud/cloud.cfg.d/90_maas_datasource.cfg";

    public const string CloudConfigPath = "/etc/cloud/cloud.cfg.d/90_maas_cloud_config.cfg";

    public const string ReportingPath = "/etc/cloud/cloud.cfg.d/90_maas_cloud_init_reporting.cfg";

    /// <summary>curtin's <c>cloudconfig</c>: name → {path, content}.</summary>
    public static JsonObject Section(string baseUrl, Machine machine, MachineToken token) => new()
    {
        ["maas-datasource"] = File(DatasourcePath, "datasource_list: [ MAAS ]\n"),
        ["maas-cloud-config"] = File(CloudConfigPath, CloudConfigYaml.Write(new JsonObject
        {
            ["datasource"] = new JsonObject
            {
                ["MAAS"] = new JsonObject
                {
                    ["metadata_url"] = $"{baseUrl}/MAAS/metadata/",
                    ["consumer_key"] = token.ConsumerKey,
                    ["token_key"] = token.TokenKey,
                    ["token_secret"] = token.TokenSecret,
                },
            },
            ["manual_cache_clean"] = true,
        })),
        ["maas-reporting"] = File(ReportingPath, CloudConfigYaml.Write(new JsonObject
        {
            ["reporting"] = new JsonObject
            {
                ["maas"] = new JsonObject
                {
                    ["type"] = "webhook",
                    ["endpoint"] = $"{baseUrl}/MAAS/metadata/status/{machine.SystemId}",
                    ["consumer_key"] = token.ConsumerKey,
                    ["token_key"] = token.TokenKey,
                    ["token_secret"] = token.TokenSecret,
                },
            },
        })),
    };

    private static JsonObject File(string path, string content) => new() { ["path"] = path, ["content"] = content };
}
