using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingot.Core.Enlistment.Chassis;
using Ingot.Power.Http;

namespace Ingot.Power.Redfish;

/// <summary>
/// A Redfish service as a chassis (Ingot's <c>add_chassis</c> type <c>redfish</c>): every member of the
/// service root's Systems collection is a machine, its <c>Id</c> the <c>node_id</c> the redfish driver
/// addresses it by; <c>HostName</c> (when a valid hostname) and the MACs of its EthernetInterfaces are
/// taken when the service has them. The address gets <c>https://</c> when it names no scheme, as the driver.
/// </summary>
public sealed partial class RedfishChassisProber : IChassisProber, IDisposable
{
    private readonly HttpClient _http;
    private readonly RedfishClient _client;

    public RedfishChassisProber(RedfishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = new HttpClient(BmcHttpHandler.Create(options.VerifyCertificates)) { Timeout = options.RequestTimeout };
        _client = new RedfishClient(_http, options.Authentication);
    }

    public string ChassisType => RedfishSchema.Name;

    public async Task<IReadOnlyList<ChassisSystem>> ProbeAsync(ChassisAddress address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        RedfishEndpoint endpoint = Endpoint(address);
        try
        {
            JsonObject root = await GetAsync(endpoint, "/redfish/v1/", ct);
            JsonObject collection = await GetAsync(endpoint, OdataId(root["Systems"]) ?? "/redfish/v1/Systems", ct);
            var systems = new List<ChassisSystem>();
            foreach (string path in Members(collection))
            {
                JsonObject system = await GetAsync(endpoint, path, ct);
                string id = Text(system["Id"]) ?? path.TrimEnd('/').Split('/')[^1];
                systems.Add(new ChassisSystem(id, Hostname(Text(system["HostName"])), await MacsAsync(endpoint, system, ct), null));
            }

            return systems;
        }
        catch (PowerException e)
        {
            throw new ChassisProbeException(e.Message, e);
        }
    }

    public void Dispose() => _http.Dispose();

    private static RedfishEndpoint Endpoint(ChassisAddress address)
    {
        string url = address.Hostname.Contains("://", StringComparison.Ordinal) ? address.Hostname : "https://" + address.Hostname;
        return Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
            ? new RedfishEndpoint(uri, address.Username, address.Password)
            : throw new ChassisProbeException($"'{address.Hostname}' is not a valid Redfish address.");
    }

    private async Task<IReadOnlyList<string>> MacsAsync(RedfishEndpoint endpoint, JsonObject system, CancellationToken ct)
    {
        if (OdataId(system["EthernetInterfaces"]) is not { } path)
        {
            return [];
        }

        var macs = new List<string>();
        foreach (string member in Members(await GetAsync(endpoint, path, ct)))
        {
            JsonObject nic = await GetAsync(endpoint, member, ct);
            if ((Text(nic["PermanentMACAddress"]) ?? Text(nic["MACAddress"])) is { Length: > 0 } mac)
            {
                macs.Add(mac);
            }
        }

        return macs;
    }

    private async Task<JsonObject> GetAsync(RedfishEndpoint endpoint, string path, CancellationToken ct) =>
        (await _client.SendAsync(endpoint, HttpMethod.Get, path, null, null, ct)).Body;

    private static IEnumerable<string> Members(JsonObject collection) =>
        collection["Members"] is JsonArray members ? members.Select(OdataId).OfType<string>() : [];

    private static string? Hostname(string? name) => name is not null && HostnamePattern().IsMatch(name) ? name : null;

    private static string? OdataId(JsonNode? node) => node is JsonObject o ? Text(o["@odata.id"]) : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostnamePattern();
}
