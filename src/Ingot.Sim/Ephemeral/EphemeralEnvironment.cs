using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Sim.Boot;
using Ingot.Sim.Machines;

namespace Ingot.Sim.Ephemeral;

/// <summary>
/// What the ephemeral image does once its kernel is up, in C#: fetch <c>cloud-config-url=</c>, then
/// by what the preseed says — enlist (no credentials: <c>is_registered</c>, anonymous
/// <c>maas-scripts</c>, the anonymous <c>machines create</c> with architecture, MACs and the BMC,
/// then its own preseed and commissioning), install (the curtin datasource), or run the scripts Ingot
/// hands out (commissioning, testing, the release scripts that erase disks; OK for rescue).
/// </summary>
public sealed class EphemeralEnvironment(SimulatedMachine machine, BootDecision boot, TimeProvider time)
{
    public async Task<EphemeralEnd> RunAsync(CancellationToken ct)
    {
        string url = boot.Parameter("cloud-config-url") ?? throw new InvalidOperationException("The kernel command line has no cloud-config-url=.");
        using HttpClient http = SimHttp.BoundTo(boot.Address, machine.Network);
        var anonymous = new MetadataClient(http, url, null, time);
        Preseed preseed = Preseed.Parse(await anonymous.GetStringAsync(url, ct));
        string root = preseed.MetadataUrl[..preseed.MetadataUrl.IndexOf("/MAAS/", StringComparison.Ordinal)];
        bool enlisting = preseed.Credentials is null;
        if (enlisting)
        {
            machine.Report("enlisting");
            if (await EnlistAsync(new MetadataClient(http, preseed.MetadataUrl, null, time), root, ct) is not { } systemId)
            {
                return EphemeralEnd.PowerOff;
            }

            preseed = Preseed.Parse(await anonymous.GetStringAsync($"{root}/MAAS/metadata/latest/by-id/{systemId}/?op=get_preseed", ct));
        }

        // Injected failures strike a known machine's boots: enlistment goes through, so the machine
        // is there to accept, and its commissioning (or testing) then fails or hangs.
        MachineFailure failure = enlisting ? MachineFailure.None : machine.Failure;
        if (failure.Kind == FailureKind.Hang)
        {
            machine.Report("hung while booting: cloud-init never reports");
            return EphemeralEnd.StayOn;
        }

        var metadata = new MetadataClient(http, preseed.MetadataUrl, preseed.Credentials, time);
        if (preseed.IsInstaller)
        {
            return await new Installation(metadata, preseed, machine, failure).InstallAsync(ct);
        }

        await metadata.GetAsync("2012-03-01/meta-data/instance-id", ct);
        await metadata.GetAsync("2012-03-01/user-data", ct);
        return await new RemoteScripts(metadata, machine, failure, boot.Address?.ToString(), time, preseed.WebhookEndpoint).RunAsync(ct);
    }

    /// <summary>The enlistment steps; the new machine's system_id, or null when it is already registered.</summary>
    private async Task<string?> EnlistAsync(MetadataClient anonymous, string root, CancellationToken ct)
    {
        await anonymous.GetAsync("2012-03-01/meta-data/instance-id", ct);
        await anonymous.GetAsync("2012-03-01/user-data", ct);
        string macs = string.Join(',', machine.Profile.Nics.Select(n => n.Mac));
        string registered = await anonymous.GetStringAsync($"{root}/MAAS/api/2.0/machines/?op=is_registered&mac_address={Uri.EscapeDataString(macs)}", ct);
        if (registered.Trim() == "true")
        {
            machine.Report("enlisting: already registered, powering off");
            return null;
        }

        await anonymous.GetAsync("2012-03-01/maas-scripts", ct);
        (HttpStatusCode status, string body) = await anonymous.PostFormAsync(
            $"{root}/MAAS/api/2.0/machines/",
            [
                ("architecture", machine.Profile.Architecture),
                ("mac_addresses", macs),
                ("commission", "True"),
                ("power_type", machine.PowerType),
                ("power_parameters", machine.PowerParameters.ToJsonString()),
            ],
            ct);
        if (status != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"enlistment: machines create answered {(int)status}: {body}");
        }

        string systemId = JsonNode.Parse(body)?["system_id"]?.GetValue<string>() ?? throw new JsonException("enlistment: no system_id in the answer");
        machine.Report($"enlisted as {systemId}");
        return systemId;
    }
}
