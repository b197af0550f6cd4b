using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Ingot.Sim.Redfish;

/// <summary>
/// A virtual Redfish BMC: the loopback address and port it listens on (0 = any free port), its one
/// user, and the systems it serves (ids "1".."N" unless named).
/// </summary>
public sealed record VirtualRedfishOptions
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    public int Port { get; init; }

    public string UserName { get; init; } = "admin";

    public string Password { get; init; } = "password";

    public int SystemCount { get; init; } = 1;

    /// <summary>Explicit system ids; when empty, <see cref="SystemCount"/> systems named "1".."N".</summary>
    public IReadOnlyList<string> SystemIds { get; init; } = [];

    /// <summary>The NIC MACs of each system by id (its EthernetInterfaces); a system not named here has none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Macs { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Each request waits until this task completes before it is answered (a slow BMC); null: answer at once.</summary>
    public Task? Answering { get; init; }

    /// <summary>Serve HTTPS with this certificate (with its private key) instead of HTTP, as real BMCs do.</summary>
    public X509Certificate2? Certificate { get; init; }
}
