using System.Text.Json.Nodes;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;

namespace Ingot.Api.Metadata;

/// <summary>
/// The cloud-config documents the kernel command line's <c>cloud-config-url=</c> fetches
/// (<c>compose_enlistment_preseed</c> and <c>_compose_cloud_init_preseed</c>,
/// <c>src/maasserver/compose_preseed.py</c>): where cloud-init's MAAS datasource finds the metadata
/// API, with the machine's credentials; where it reports status events; and how the ephemeral
/// environment ends (power off, or reboot into the installed system).
/// </summary>
internal static class Preseeds
{
    /// <summary>The poweroff condition MAAS sets, so a debugging session can keep the machine on.</summary>
    public const string PoweroffCondition = "test ! -e /tmp/block-poweroff";

    /// <summary>Enlistment: the anonymous datasource and a poweroff after 1800 s.</summary>
    public static string Enlist(string baseUrl) => CloudConfigYaml.Write(new JsonObject
    {
        ["datasource"] = new JsonObject { ["MAAS"] = new JsonObject { ["metadata_url"] = $"{baseUrl}/MAAS/metadata/" } },
        ["power_state"] = PowerState("poweroff", 1800),
    });

    /// <summary>
    /// A known machine: the datasource with its token (the curtin URL while deploying), the
    /// status webhook, and power off after 3600 s (7 days while erasing disks) or, while deploying,
    /// reboot after 1800 s.
    /// </summary>
    public static string ForMachine(string baseUrl, Machine machine, MachineToken token)
    {
        bool deploying = machine.Status == MachineStatus.Deploying;
        string metadataUrl = deploying ? $"{baseUrl}/MAAS/metadata/curtin/" : $"{baseUrl}/MAAS/metadata/";
        JsonObject power = deploying
            ? PowerState("reboot", 1800)
            : PowerState("poweroff", machine.Status == MachineStatus.DiskErasing ? 7 * 24 * 3600 : 3600);
        return CloudConfigYaml.Write(new JsonObject
        {
            ["datasource"] = new JsonObject { ["MAAS"] = Credentials(token, "metadata_url", metadataUrl) },
            ["reporting"] = new JsonObject
            {
                ["maas"] = Credentials(token, "endpoint", $"{baseUrl}/MAAS/metadata/status/{machine.SystemId}", webhook: true),
            },
            ["power_state"] = power,
        });
    }

    private static JsonObject Credentials(MachineToken token, string urlKey, string url, bool webhook = false)
    {
        var section = new JsonObject();
        if (webhook)
        {
            section["type"] = "webhook";
        }

        section[urlKey] = url;
        section["consumer_key"] = token.ConsumerKey;
        section["token_key"] = token.TokenKey;
        section["token_secret"] = token.TokenSecret;
        return section;
    }

    private static JsonObject PowerState(string mode, int timeout) => new()
    {
        ["delay"] = "now",
        ["mode"] = mode,
        ["timeout"] = timeout,
        ["condition"] = PoweroffCondition,
    };
}
