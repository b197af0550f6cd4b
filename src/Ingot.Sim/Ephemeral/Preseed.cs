using System.Text.RegularExpressions;

namespace Ingot.Sim.Ephemeral;

/// <summary>
/// What cloud-init takes from the cloud-config that <c>cloud-config-url=</c> names: the MAAS
/// datasource's <c>metadata_url</c> and credentials (none while enlisting) and the status webhook's
/// endpoint. (How the environment ends comes from what it is given to do, not from <c>power_state</c>.)
/// </summary>
public sealed partial record Preseed(string MetadataUrl, string? Credentials, string? WebhookEndpoint)
{
    /// <summary>The installer's datasource (<c>…/MAAS/metadata/curtin/</c>): the machine is deploying.</summary>
    public bool IsInstaller => MetadataUrl.Contains("/curtin/", StringComparison.Ordinal);

    /// <summary>The system_id at the end of the webhook endpoint (<c>…/status/&lt;id&gt;</c>).</summary>
    public string? SystemId => WebhookEndpoint is { } e ? e[(e.LastIndexOf('/') + 1)..] : null;

    public static Preseed Parse(string yaml)
    {
        string metadata = Field(yaml, "metadata_url") ?? throw new FormatException("The preseed names no metadata_url.");
        string? consumer = Field(yaml, "consumer_key");
        string? token = Field(yaml, "token_key");
        string? secret = Field(yaml, "token_secret");
        string? credentials = consumer is not null && token is not null && secret is not null ? $"{consumer}:{token}:{secret}" : null;
        return new Preseed(metadata.EndsWith('/') ? metadata : metadata + "/", credentials, Field(yaml, "endpoint"));
    }

    private static string? Field(string yaml, string name)
    {
        foreach (Match m in FieldPattern().Matches(yaml))
        {
            if (m.Groups["key"].Value == name)
            {
                return m.Groups["value"].Value.Trim().Trim('"');
            }
        }

        return null;
    }

    [GeneratedRegex("^\\s*(?<key>[a-z_]+):[ ]+(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex FieldPattern();
}
