using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Ingot.Data.Secrets;

/// <summary>
/// Encrypts what must not sit in the database in plain text: a machine's power parameters (the
/// whole JSON, which holds <c>power_pass</c>, <c>k_g</c>, <c>power_token</c> and the like) and API
/// token secrets. ASP.NET Core Data Protection does the work; its key ring lives in the same
/// database, so every region on one PostgreSQL can read what another wrote.
/// </summary>
public sealed class SecretsAtRest(IDataProtectionProvider provider)
{
    private readonly IDataProtector _powerParameters = provider.CreateProtector("Ingot.Data.PowerParameters.v1");
    private readonly IDataProtector _tokenSecrets = provider.CreateProtector("Ingot.Data.ApiTokenSecret.v1");

    public string ProtectPowerParameters(IReadOnlyDictionary<string, string> parameters) =>
        _powerParameters.Protect(JsonSerializer.Serialize(parameters));

    public Dictionary<string, string> UnprotectPowerParameters(string? protectedText) =>
        string.IsNullOrEmpty(protectedText)
            ? []
            : JsonSerializer.Deserialize<Dictionary<string, string>>(_powerParameters.Unprotect(protectedText)) ?? [];

    /// <summary>
    /// Makes sure the key ring has a current key, creating one (a write of its own) if due. Called before
    /// a store opens a transaction that will protect parameters after its first write: on SQLite the
    /// key ring's write would otherwise wait on that transaction's lock.
    /// </summary>
    public void EnsureKey() => _ = _powerParameters.Protect([]);

    public string ProtectTokenSecret(string secret) => _tokenSecrets.Protect(secret);

    public string UnprotectTokenSecret(string protectedText) => _tokenSecrets.Unprotect(protectedText);
}
