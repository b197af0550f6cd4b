namespace Ingot.Power.Redfish;

/// <summary>
/// Redfish driver settings. Certificates are not checked by default, as MAAS's driver does not check
/// them (BMCs mostly carry self-signed ones); <see cref="VerifyCertificates"/> turns checking on.
/// </summary>
public sealed record RedfishOptions
{
    public bool VerifyCertificates { get; init; }

    public RedfishAuthentication Authentication { get; init; } = RedfishAuthentication.Basic;

    /// <summary>The limit for one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
