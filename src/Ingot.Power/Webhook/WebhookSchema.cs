using Ingot.Core.Power;

namespace Ingot.Power.Webhook;

/// <summary>MAAS's <c>webhook</c> power type (<c>WebhookPowerDriver.settings</c>).</summary>
public static class WebhookSchema
{
    public const string Name = "webhook";

    public static PowerTypeSchema Schema { get; } = new(Name, "Webhook",
    [
        new("power_on_uri", "URI to power on the node") { Required = true },
        new("power_off_uri", "URI to power off the node") { Required = true },
        new("power_query_uri", "URI to query the nodes power status") { Required = true },
        new("power_on_regex", "Regex to confirm the node is on") { Required = true, Default = @"status.*\:.*running" },
        new("power_off_regex", "Regex to confirm the node is off") { Required = true, Default = @"status.*\:.*stopped" },
        new("power_user", "Power user"),
        PowerParameterField.Password("power_pass", "Power password"),
        PowerParameterField.Password("power_token", "Power token, will be used in place of power_user and power_pass"),
        PowerParameterField.Choice("power_verify_ssl", "Verify SSL connections with system CA certificates", "n", ("n", "No"), ("y", "Yes"))
            with { Required = true },
    ])
    {
        IpExtractorField = "power_query_uri",
    };
}
