using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;

namespace Ingot.Api.Machines;

public static partial class MachineApi
{
    /// <summary><c>restore_networking_configuration</c>: admin, READY or FAILED_TESTING (409 otherwise).</summary>
    private static Task<ApiResult> RestoreNetworkingAsync(ApiRequest request, CancellationToken ct) =>
        RestoreAsync(request, (r, id) => r.RestoreNetworkingAsync(request.Caller, id, ct), ct);

    /// <summary><c>restore_storage_configuration</c>: admin, READY or FAILED_TESTING (409 otherwise).</summary>
    private static Task<ApiResult> RestoreStorageAsync(ApiRequest request, CancellationToken ct) =>
        RestoreAsync(request, (r, id) => r.RestoreStorageAsync(request.Caller, id, ct), ct);

    /// <summary><c>restore_default_configuration</c>: both of the above.</summary>
    private static Task<ApiResult> RestoreDefaultAsync(ApiRequest request, CancellationToken ct) =>
        RestoreAsync(request, (r, id) => r.RestoreDefaultAsync(request.Caller, id, ct), ct);

    private static async Task<ApiResult> RestoreAsync(ApiRequest request, Func<ConfigurationRestore, string, Task<Machine>> restore, CancellationToken ct)
    {
        Machine machine = await restore(request.Service<ConfigurationRestore>(), SystemId(request));
        return await MachineResponses.OneAsync(request, machine, ct);
    }
}
