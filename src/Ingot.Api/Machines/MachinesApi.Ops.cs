using Ingot.Api.Wire;
using Ingot.Core.Cloning;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Filters;
using Ingot.Core.Machines.Queries;

namespace Ingot.Api.Machines;

public static partial class MachinesApi
{
    private static async Task<ApiResult> AllocateAsync(ApiRequest request, CancellationToken ct)
    {
        var allocation = new AllocationRequest(MachineForms.ToForm(request.Form), await request.VocabularyAsync(ct));
        Allocation allocated = await (await request.OperationsAsync(ct)).AllocateAsync(request.Caller, allocation, ct);
        return await MachineResponses.AllocationAsync(request, allocated, ct);
    }

    /// <summary>Also on the anonymous handler, where Core answers 401 "You must be logged in to accept machines.".</summary>
    private static async Task<ApiResult> AcceptAsync(ApiRequest request, CancellationToken ct)
    {
        IReadOnlyList<Machine> accepted = await (await request.OperationsAsync(ct)).AcceptAsync(request.Form.GetAll("machines"), request.Actor, ct);
        PowerSubmission.Submit(request, accepted);
        return await MachineResponses.ListAsync(request, accepted, ct);
    }

    private static async Task<ApiResult> AcceptAllAsync(ApiRequest request, CancellationToken ct)
    {
        IReadOnlyList<Machine> accepted = await (await request.OperationsAsync(ct)).AcceptAllAsync(request.Caller, ct);
        PowerSubmission.Submit(request, accepted);
        return await MachineResponses.ListAsync(request, accepted, ct);
    }

    /// <summary>The system_ids that started releasing (READY machines are left out), as a JSON array.</summary>
    private static async Task<ApiResult> ReleaseAsync(ApiRequest request, CancellationToken ct)
    {
        IReadOnlyList<string> released = await (await request.OperationsAsync(ct))
            .ReleaseManyAsync(request.Form.GetAll("machines"), request.Caller, MachineForms.Release(request.Form), ct);
        PowerSubmission.Submit(request, released);
        return ApiResult.Json(released);
    }

    private static async Task<ApiResult> ListAllocatedAsync(ApiRequest request, CancellationToken ct)
    {
        IReadOnlyList<string> ids = request.Query.GetAll("id");
        return await MachineListResponse.ReadAsync(
            request, MachineQueries.AllocatedTo(request.Caller, ids), token => request.Queries().ListAllocatedAsync(request.Caller, ids, token), ct);
    }

    /// <summary>JSON <c>true</c>/<c>false</c>; also on <c>nodes/</c>.</summary>
    internal static async Task<ApiResult> IsRegisteredAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(await request.Queries().IsRegisteredAsync(MachineForms.Macs(request.Query), anonymous: request.User is null, ct));

    /// <summary>JSON <c>true</c>/<c>false</c>; also on <c>nodes/</c>.</summary>
    internal static async Task<ApiResult> IsActionInProgressAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(await request.Queries().IsActionInProgressAsync(MachineForms.Macs(request.Query), ct));

    /// <summary>MAAS's handler returns nothing, which piston emits as JSON <c>null</c>.</summary>
    private static async Task<ApiResult> SetZoneAsync(ApiRequest request, CancellationToken ct)
    {
        await request.Editor().SetZoneAsync(request.Caller, request.Form.Get("zone"), request.Form.GetAll("nodes"), ct);
        return ApiResult.Json((object?)null);
    }

    private static async Task<ApiResult> PowerParametersAsync(ApiRequest request, CancellationToken ct) =>
        ApiResult.Json(await request.Queries().PowerParametersAsync(request.Caller, request.Query.GetAll("id"), ct));

    /// <summary>All or nothing: any error is a 400 naming each failed destination; success is 204.</summary>
    private static async Task<ApiResult> CloneAsync(ApiRequest request, CancellationToken ct)
    {
        ApiParameters form = request.Form;
        var clone = new CloneRequest(
            form.Get("source"),
            form.Contains("destinations") ? form.GetAll("destinations") : null,
            form.GetBool("storage", fallback: false),
            form.GetBool("interfaces", fallback: false));
        await request.Cloner().CloneAsync(clone, request.Caller, ct);
        return ApiResult.Deleted();
    }
}
