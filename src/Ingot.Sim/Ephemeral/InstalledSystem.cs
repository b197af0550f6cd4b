namespace Ingot.Sim.Ephemeral;

/// <summary>What the installer left on a simulated machine's disk: the datasource's token and URLs for the installed cloud-init.</summary>
public sealed record InstalledSystem(string Credentials, string MetadataUrl, string WebhookEndpoint);
