using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Signals;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Microsoft.AspNetCore.Http;

namespace Ingot.Api.Metadata;

/// <summary>
/// <c>&lt;version&gt;/maas-scripts</c>: the machine's current commissioning set while COMMISSIONING
/// (or DEPLOYED, hardware sync; not when deployed to memory), its testing set while TESTING, its release set (<c>wipe-disks</c>)
/// while DISK_ERASING or RELEASING; 204 when it has nothing to run.
/// Anonymous callers (enlistment) get every built-in commissioning script. Matching <c>for_hardware</c>
/// scripts are added first (<see cref="ForHardwareScripts"/>).
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
            // A machine deployed to memory runs its user's user-data, not maas-run-remote-scripts: nothing to run,
            // also when it is power-cycled once DEPLOYED (its commissioning set would otherwise be handed out).
            MachineStatus.Deployed when machine.IsEphemeralDeployment => null,
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
        var store = request.Service<IScriptResultStore>();
        ScriptSet set = await new ScriptSets(store, request.Service<TimeProvider>(), catalog).CurrentAsync(machine, kind.Value, ct);
        IReadOnlyList<Script> all = await catalog.ListAsync(ct);
        if (HardwareKnown(machine, set) && ForHardwareScripts.Select(set, all, machine, now).Count > 0)
        {
            try
            {
                await store.SaveSetAsync(set, ct);
            }
            catch (MachineConflictException)
            {
                // A signal saved the set meanwhile; the scripts chosen now are chosen again on the next download.
            }

            set = await store.FindSetByIdAsync(set.Id, ct) ?? set;
        }

        return set.Results.Count == 0
            ? ApiResult.Bytes(StatusCodes.Status204NoContent, ContentType, [])
            : ApiResult.Bytes(StatusCodes.Status200OK, ContentType, MaasScriptsTar.ForSet(set, all, now, machine));
    }

    /// <summary>
    /// MAAS selects <c>for_hardware</c> scripts on a download after the first commissioning results (a result
    /// that is no longer pending); a testing set is selected on every download, the hardware being known by then.
    /// </summary>
    private static bool HardwareKnown(Machine machine, ScriptSet set) => set.Kind switch
    {
        ScriptSetKind.Commissioning => machine.Status == MachineStatus.Commissioning && set.Results.Any(r => r.Status != ScriptStatus.Pending),
        ScriptSetKind.Testing => true,
        _ => false,
    };
}
