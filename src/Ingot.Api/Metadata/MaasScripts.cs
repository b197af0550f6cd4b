using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>&lt;version&gt;/maas-scripts</c>: the machine's current commissioning set while COMMISSIONING
/// (or DEPLOYED, hardware sync), its testing set while TESTING, its release set (<c>wipe-disks</c>)
/// while DISK_ERASING or RELEASING; 204 when it has nothing to run.
/// Anonymous callers (enlistment) get every built-in commissioning script.
/// </summary>
internal static class MaasScripts
{
    public const string ContentType = "application/x-tar";

    public static async Task<ApiResult> HandleAsync(MetadataRequest request, CancellationToken ct)
    {
        MetadataCaller caller = await request.CallerAsync(ct);
        DateTime now = request.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        if (caller.Machine is not { } machine)
        {
            return ApiResult.Bytes(StatusCodes.Status200OK, ContentType, MaasScriptsTar.ForEnlistment(now));
        }

        ScriptSetKind? kind = machine.Status switch
        {
            MachineStatus.Commissioning or MachineStatus.Deployed => ScriptSetKind.Commissioning,
            MachineStatus.Testing => ScriptSetKind.Testing,
            MachineStatus.DiskErasing or MachineStatus.Releasing => ScriptSetKind.Release,
            _ => null,
        };
        if (kind is null)
        {
            return ApiResult.Bytes(StatusCodes.Status204NoContent, ContentType, []);
        }

        var catalog = request.Service<ScriptCatalog>();
        ScriptSet set = await new ScriptSets(request.Service<IScriptResultStore>(), request.Service<TimeProvider>(), catalog).CurrentAsync(machine, kind.Value, ct);
        return set.Results.Count == 0
            ? ApiResult.Bytes(StatusCodes.Status204NoContent, ContentType, [])
            : ApiResult.Bytes(StatusCodes.Status200OK, ContentType, MaasScriptsTar.ForSet(set, await catalog.ListAsync(ct), now, machine));
    }
}
