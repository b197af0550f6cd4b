using System.Text.Json.Nodes;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Power.Http;

namespace Ingot.Power.Redfish;

/// <summary>
/// MAAS's <c>redfish</c> driver in C#. The system is <c>node_id</c>'s or the first member of the
/// service root's Systems collection. On: ForceOff when on, one-time PXE boot override (PATCH with
/// If-Match), On. Off: ForceOff (GracefulShutdown when soft) unless off, then the PXE override.
/// Cycle: PXE override, then ForceRestart when on, else On. Query reads <c>PowerState</c>.
/// </summary>
public sealed class RedfishPowerDriver : IPowerDriver, IDisposable
{
    private const string ResetAction = "#ComputerSystem.Reset";
    private readonly HttpClient _http;
    private readonly RedfishClient _client;

    public RedfishPowerDriver(RedfishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = new HttpClient(BmcHttpHandler.Create(options.VerifyCertificates)) { Timeout = options.RequestTimeout };
        _client = new RedfishClient(_http, options.Authentication);
    }

    public RedfishPowerDriver()
        : this(new RedfishOptions())
    {
    }

    public PowerTypeSchema Schema => RedfishSchema.Schema;

    public async Task PowerOnAsync(PowerContext context, CancellationToken ct)
    {
        (RedfishEndpoint endpoint, string system) = await LocateAsync(context, ct);
        if (await QueryAsync(endpoint, system, ct) == PowerState.On)
        {
            await ResetAsync(endpoint, system, "ForceOff", ct);
        }

        await SetPxeOnceAsync(endpoint, system, ct);
        await ResetAsync(endpoint, system, "On", ct);
    }

    public async Task PowerOffAsync(PowerContext context, StopMode mode, CancellationToken ct)
    {
        (RedfishEndpoint endpoint, string system) = await LocateAsync(context, ct);
        if (await QueryAsync(endpoint, system, ct) != PowerState.Off)
        {
            await ResetAsync(endpoint, system, mode == StopMode.Soft ? "GracefulShutdown" : "ForceOff", ct);
        }

        await SetPxeOnceAsync(endpoint, system, ct);
    }

    public async Task PowerCycleAsync(PowerContext context, CancellationToken ct)
    {
        (RedfishEndpoint endpoint, string system) = await LocateAsync(context, ct);
        await SetPxeOnceAsync(endpoint, system, ct);
        await ResetAsync(endpoint, system, await QueryAsync(endpoint, system, ct) == PowerState.On ? "ForceRestart" : "On", ct);
    }

    public async Task<PowerState> QueryAsync(PowerContext context, CancellationToken ct)
    {
        (RedfishEndpoint endpoint, string system) = await LocateAsync(context, ct);
        return await QueryAsync(endpoint, system, ct);
    }

    public async Task SetBootDevicePxeAsync(PowerContext context, CancellationToken ct)
    {
        (RedfishEndpoint endpoint, string system) = await LocateAsync(context, ct);
        await SetPxeOnceAsync(endpoint, system, ct);
    }

    public void Dispose() => _http.Dispose();

    private async Task<(RedfishEndpoint Endpoint, string SystemPath)> LocateAsync(PowerContext context, CancellationToken ct)
    {
        var endpoint = RedfishEndpoint.From(context);
        if (context.Get("node_id") is { Length: > 0 } nodeId)
        {
            return (endpoint, $"/redfish/v1/Systems/{Uri.EscapeDataString(nodeId)}");
        }

        (JsonObject root, _) = await _client.SendAsync(endpoint, HttpMethod.Get, "/redfish/v1/", null, null, ct);
        string systems = OdataId(root["Systems"]) ?? "/redfish/v1/Systems";
        (JsonObject collection, _) = await _client.SendAsync(endpoint, HttpMethod.Get, systems, null, null, ct);
        string? first = collection["Members"] is JsonArray { Count: > 0 } members ? OdataId(members[0]) : null;
        return first is null
            ? throw new PowerException(PowerErrorKind.Setting, "The Redfish service lists no systems.")
            : (endpoint, first.TrimEnd('/'));
    }

    private async Task<PowerState> QueryAsync(RedfishEndpoint endpoint, string system, CancellationToken ct)
    {
        (JsonObject body, _) = await _client.SendAsync(endpoint, HttpMethod.Get, system, null, null, ct);
        return RedfishPowerStates.Read(body["PowerState"]?.GetValue<string>());
    }

    private async Task ResetAsync(RedfishEndpoint endpoint, string system, string resetType, CancellationToken ct)
    {
        (JsonObject body, _) = await _client.SendAsync(endpoint, HttpMethod.Get, system, null, null, ct);
        string target = body["Actions"]?[ResetAction]?["target"]?.GetValue<string>() ?? $"{system}/Actions/ComputerSystem.Reset";
        await _client.SendAsync(endpoint, HttpMethod.Post, target, new JsonObject { ["ResetType"] = resetType }, null, ct);
    }

    private async Task SetPxeOnceAsync(RedfishEndpoint endpoint, string system, CancellationToken ct)
    {
        (JsonObject body, string? etagHeader) = await _client.SendAsync(endpoint, HttpMethod.Get, system, null, null, ct);
        string? etag = body["@odata.etag"]?.GetValue<string>() ?? etagHeader;
        string target = OdataId(body["@Redfish.Settings"]?["SettingsObject"]) ?? system;
        var patch = new JsonObject
        {
            ["Boot"] = new JsonObject { ["BootSourceOverrideEnabled"] = "Once", ["BootSourceOverrideTarget"] = "Pxe" },
        };
        await _client.SendAsync(endpoint, HttpMethod.Patch, target, patch, etag, ct);
    }

    private static string? OdataId(JsonNode? node) => node?["@odata.id"]?.GetValue<string>();
}
