using Ingot.Api.Wire;
using Ingot.Core.Config;
using Ingot.Core.Networks;

namespace Ingot.Api.Networks;

/// <summary>What the network resources take from a request: the form, the operations, the rack controllers.</summary>
internal static class NetworkRequests
{
    public static NetworkOperations Networks(this ApiRequest request) => request.Service<NetworkOperations>();

    /// <summary>The request's parameters by name (without <c>op</c>).</summary>
    public static NetworkForm NetworkForm(this ApiRequest request)
    {
        ApiParameters parameters = request.Parameters;
        return new NetworkForm(parameters.Keys.Where(k => k != "op").Distinct().ToDictionary(k => k, k => parameters.GetAll(k)));
    }

    /// <summary>
    /// The form with rack fields given by hostname turned into system_ids (MAAS's <c>NodeChoiceField</c>
    /// takes either), and the rack controllers a VLAN may name: Ingot's own rack.
    /// </summary>
    public static async Task<(NetworkForm Form, IReadOnlySet<string> Racks)> VlanFormAsync(this ApiRequest request, CancellationToken ct)
    {
        string systemId = await RackIdentity.SystemIdAsync(request.Service<IConfigStore>(), ct);
        string hostname = Environment.MachineName.ToLowerInvariant();
        ApiParameters parameters = request.Parameters;
        var fields = parameters.Keys.Where(k => k != "op").Distinct().ToDictionary(
            k => k,
            k => (IReadOnlyList<string>)[.. parameters.GetAll(k).Select(v => k is "primary_rack" or "secondary_rack" && v == hostname ? systemId : v)]);
        return (new NetworkForm(fields), new HashSet<string>(StringComparer.Ordinal) { systemId });
    }
}
