using System.Text;
using Ingot.Api.Wire;
using Ingot.Core.Events;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Metadata;
using Ingot.Core.Scripts;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>&lt;version&gt;/user-data</c> (<c>UserDataHandler</c>) and, under <c>curtin/</c>, curtin's
/// configuration. Reading it while DEPLOYING ends the deployment (DEPLOYED), as in MAAS; while
/// COMMISSIONING it records a "Gathering information" event. The answer (<c>application/octet-stream</c>)
/// is the user's <c>user_data</c> from <c>deploy</c> (base64-decoded when it is valid base64) for a
/// deploying or deployed machine; Ingot's generated user-data for an ephemeral environment that must
/// report (<see cref="EphemeralUserData"/>: entering rescue mode, disk erasing or releasing with
/// release scripts); otherwise 404 (which cloud-init accepts).
/// </summary>
internal static class UserData
{
    public const string NoUserData = "No user data available for this node.";

    public const string ContentType = "application/octet-stream";

    public static async Task<ApiResult> HandleAsync(MetadataRequest request, CancellationToken ct)
    {
        MetadataCaller caller = await request.CallerAsync(ct);
        if (caller.Machine is not { } machine)
        {
            return MetadataText.NotFound(NoUserData);
        }

        if (request.Path.Curtin)
        {
            return ApiResult.Bytes(StatusCodes.Status200OK, "application/octet-stream", System.Text.Encoding.UTF8.GetBytes(await Machines.CurtinConfig.RenderAsync(request.Services, machine, request.BaseUrl, ct)));
        }

        // What fetching user-data marks (deployed, gathering info) is done again on a fresh read when
        // another writer saved the machine meanwhile: the fetch is never refused for that.
        TimeProvider time = request.Service<TimeProvider>();
        IMachineStore store = request.Service<IMachineStore>();
        Machine loaded = machine;
        int attempt = 0;
        machine = await ConflictRetry.RunAsync(
            async c =>
            {
                Machine current = attempt++ == 0 ? loaded : await store.FindAsync(loaded.SystemId, c) ?? loaded;
                DateTime now = time.GetUtcNow().UtcDateTime;
                bool changed = current.EndDeployment(now);
                if (current.Status == MachineStatus.Commissioning)
                {
                    current.Record(EventTypes.GatheringInfo, "", now);
                    changed = true;
                }

                if (changed)
                {
                    await store.SaveAsync(current, c);
                }

                return current;
            },
            time,
            ct);

        byte[]? body = await BodyAsync(request, machine, caller.Token!, ct);
        return body is null ? MetadataText.NotFound(NoUserData) : ApiResult.Bytes(StatusCodes.Status200OK, ContentType, body);
    }

    private static async Task<byte[]?> BodyAsync(MetadataRequest request, Machine machine, MachineToken token, CancellationToken ct)
    {
        string metadataUrl = $"{request.BaseUrl}/MAAS/metadata/";
        switch (machine.Status)
        {
            case MachineStatus.Deploying or MachineStatus.Deployed when machine.UserData.Length > 0:
                return Decode(machine.UserData);
            case MachineStatus.EnteringRescueMode:
                return Encoding.UTF8.GetBytes(EphemeralUserData.Rescue(metadataUrl, token));
            case MachineStatus.DiskErasing or MachineStatus.Releasing:
                ScriptSet set = await new ScriptSets(request.Service<IScriptResultStore>(), request.Service<TimeProvider>())
                    .CurrentAsync(machine, ScriptSetKind.Release, ct);
                IEnumerable<EphemeralUserData.ReleaseScript> scripts = set.Results
                    .Where(r => BuiltInScripts.Find(r.Name) is not null && !r.Status.HasFinished())
                    .Select(r => new EphemeralUserData.ReleaseScript(
                        r.Name, r.Id, r.ScriptVersionId ?? 0, $"{MaasScriptsTar.Folder(ScriptSetKind.Release)}/{r.Name}",
                        r.Name == WipeDisks.Name ? WipeDisks.Arguments(machine.SecureErase, machine.QuickErase) : []));
                return Encoding.UTF8.GetBytes(EphemeralUserData.Release(metadataUrl, token, scripts));
            default:
                return null;
        }
    }

    /// <summary>MAAS stores <c>user_data</c> decoded when it is valid base64, and as sent otherwise.</summary>
    private static byte[] Decode(string userData)
    {
        byte[] buffer = new byte[userData.Length];
        return Convert.TryFromBase64String(userData, buffer, out int written) ? buffer[..written] : Encoding.UTF8.GetBytes(userData);
    }
}
