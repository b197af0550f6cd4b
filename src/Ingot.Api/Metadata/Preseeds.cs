using System.Text.Json.Nodes;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.Rendering;

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
    public static string Enlist(string baseUrl) => CloudConfig(new JsonObject
    {
        ["datasource"] = new JsonObject { ["MAAS"] = new JsonObject { ["metadata_url"] = $"{baseUrl}/MAAS/metadata/" } },
        ["power_state"] = PowerState("poweroff", 1800, PoweroffCondition),
    });

    private static string CloudConfig(JsonObject document) => YamlText.Write(document, "#cloud-config\n", YamlStyle.CloudConfig);

    /// <summary>The reboot condition MAAS sets on the installer's reboot.</summary>
    public const string RebootCondition = "test ! -e /tmp/block-reboot";

    /// <summary>
    /// A known machine (<c>get_preseed_type_for</c>): the installer's (DEPLOYING, not to memory) has
    /// the curtin metadata URL and reboots after 1800 s; every other one, a deployment to memory
    /// included, is the commissioning kind: the plain metadata URL and, unless the machine is
    /// entering rescue mode, deploying to memory or commissioning/testing with <c>enable_ssh</c>, a
    /// power off after 3600 s (7 days while erasing disks). Both carry the datasource with the
    /// machine's token and the status webhook.
    /// </summary>
    public static string ForMachine(string baseUrl, Machine machine, MachineToken token)
    {
        bool installer = machine.Status == MachineStatus.Deploying && !machine.IsEphemeralDeployment;
        string metadataUrl = installer ? $"{baseUrl}/MAAS/metadata/curtin/" : $"{baseUrl}/MAAS/metadata/";
        var document = new JsonObject
        {
            ["datasource"] = new JsonObject { ["MAAS"] = Credentials(token, "metadata_url", metadataUrl) },
            ["reporting"] = new JsonObject
            {
                ["maas"] = Credentials(token, "endpoint", $"{baseUrl}/MAAS/metadata/status/{machine.SystemId}", webhook: true),
            },
        };
        if (installer)
        {
            document["power_state"] = PowerState("reboot", 1800, RebootCondition);
        }
        else if (!StaysOn(machine))
        {
            document["power_state"] = PowerState("poweroff", machine.Status == MachineStatus.DiskErasing ? 7 * 24 * 3600 : 3600, PoweroffCondition);
        }

        return CloudConfig(document);
    }

    /// <summary>MAAS leaves these ephemeral environments running: someone is meant to log in, or it is the deployed OS.</summary>
    private static bool StaysOn(Machine machine) =>
        machine.Status == MachineStatus.EnteringRescueMode
        || (machine.Status is MachineStatus.Commissioning or MachineStatus.Testing && machine.EnableSsh)
        || (machine.Status is MachineStatus.Deploying or MachineStatus.Deployed && machine.IsEphemeralDeployment);

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

    private static JsonObject PowerState(string mode, int timeout, string condition) => new()
    {
        ["delay"] = "now",
        ["mode"] = mode,
        ["timeout"] = timeout,
        ["condition"] = condition,
    };
}
