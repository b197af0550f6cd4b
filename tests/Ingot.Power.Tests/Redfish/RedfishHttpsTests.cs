using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ingot.Core.Power;
using Ingot.Power.Redfish;
using Ingot.Sim.Redfish;

namespace Ingot.Power.Tests.Redfish;

/// <summary>
/// The Redfish driver against the virtual BMC served over HTTPS with a self-signed certificate, as
/// real BMCs ship: refused when certificates are checked, accepted when they are not (MAAS's default).
/// </summary>
public sealed class RedfishHttpsTests : IAsyncLifetime
{
    private VirtualRedfishBmc _bmc = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _bmc = await VirtualRedfishBmc.StartAsync(new VirtualRedfishOptions { UserName = "maas", Password = "s3cret", Certificate = SelfSigned() }, Ct);

    public async ValueTask DisposeAsync() => await _bmc.DisposeAsync();

    private PowerContext Context => new("tls01", RedfishSchema.Schema, new Dictionary<string, string>
    {
        ["power_address"] = _bmc.BaseAddress.ToString().TrimEnd('/'),
        ["power_user"] = "maas",
        ["power_pass"] = "s3cret",
        ["node_id"] = "1",
    });

    [Fact]
    public void The_virtual_bmc_serves_https()
    {
        Assert.Equal("https", _bmc.BaseAddress.Scheme);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_when_certificates_are_checked_and_nothing_is_powered()
    {
        using var driver = new RedfishPowerDriver(new RedfishOptions { VerifyCertificates = true });
        PowerException refused = await Assert.ThrowsAsync<PowerException>(() => driver.PowerOnAsync(Context, Ct));
        Assert.True(refused.IsFatal);
        Assert.Contains("TLS certificate", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_bmc.Authority, refused.Message, StringComparison.Ordinal);
        Assert.False(_bmc.Systems["1"].IsOn);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_accepted_when_checking_is_off()
    {
        using var driver = new RedfishPowerDriver(new RedfishOptions { VerifyCertificates = false });
        await driver.PowerOnAsync(Context, Ct);
        Assert.True(_bmc.Systems["1"].IsOn);
        Assert.Equal(PowerState.On, await driver.QueryAsync(Context, Ct));
    }

    private static X509Certificate2 SelfSigned()
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=virtual-bmc", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 created = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
