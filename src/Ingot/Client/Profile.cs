using System.Text.Json.Nodes;

namespace Ingot.Client;

/// <summary>
/// A remembered server, as <c>maas login NAME URL KEY</c> stores one: the API URL (normalised to end in
/// <c>api/2.0/</c>), the API key (null for anonymous access) and the server's <c>describe/</c> document,
/// from which the profile's commands are built.
/// </summary>
public sealed record Profile(string Name, string Url, string? ApiKey, JsonObject Description);
