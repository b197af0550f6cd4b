using System.Net;

namespace Ingot.Power.Http;

/// <summary>
/// The HTTP handler for BMC and webhook requests: at most 5 redirects (as MAAS), pooled connections,
/// and the server certificate checked only when <c>verifyCertificates</c> is set (BMCs mostly carry
/// self-signed certificates; MAAS's Redfish driver does not check them either).
/// </summary>
public static class BmcHttpHandler
{
    public static SocketsHttpHandler Create(bool verifyCertificates)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!verifyCertificates)
        {
#pragma warning disable CA5359 // Deliberate and configurable: the operator chose not to check the BMC's certificate.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return handler;
    }
}
