using Ingot.Api.Scripts;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Actions;

namespace Ingot.Api.Machines;

public static partial class MachineApi
{
    /// <summary>The answer already says Deploying (Terraform and gomaasapi read it straight away).</summary>
    private static Task<ApiResult> DeployAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.DeployAsync(id, request.Caller, MachineForms.Deploy(request.Form), ct), ct);

    /// <summary>The answer already says Releasing, Disk erasing or Ready.</summary>
    private static Task<ApiResult> ReleaseAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.ReleaseAsync(id, request.Caller, MachineForms.Release(request.Form), ct), ct);

    /// <summary>A state that cannot commission is 400 <c>{"__all__": [...]}</c>, MAAS's form error.</summary>
    private static async Task<ApiResult> CommissionAsync(ApiRequest request, CancellationToken ct)
    {
        CommissioningOptions options = MachineForms.Commissioning(request.Form);
        try
        {
            return await ApplyAsync(request, (ops, id) => ops.CommissionAsync(id, request.Caller, options, ScriptRunRequest.Choice(request.Form), ct), ct);
        }
        catch (MachineOperationException e) when (e.Kind == "ValidationError" && e is not Core.Enlistment.MachineFormException)
        {
            throw ApiValidationException.Field("__all__", e.Message);
        }
    }

    /// <summary>Like commission, a state that cannot test is MAAS's form error on <c>__all__</c>.</summary>
    private static async Task<ApiResult> TestAsync(ApiRequest request, CancellationToken ct)
    {
        bool enableSsh = request.Form.GetBool("enable_ssh", fallback: false);
        try
        {
            return await ApplyAsync(request, (ops, id) => ops.TestAsync(id, request.Caller, enableSsh, ScriptRunRequest.Choice(request.Form), ct), ct);
        }
        catch (MachineOperationException e) when (e.Kind == "ValidationError" && e is not Core.Enlistment.MachineFormException)
        {
            throw ApiValidationException.Field("__all__", e.Message);
        }
    }

    private static Task<ApiResult> AbortAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.AbortAsync(id, request.Caller, request.Form.Get("comment"), ct), ct);

    private static Task<ApiResult> MarkBrokenAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.MarkBrokenAsync(id, request.Caller, request.Form.Get("comment") ?? request.Form.Get("error_description"), ct), ct);

    private static Task<ApiResult> MarkFixedAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.MarkFixedAsync(id, request.Caller, request.Form.Get("comment"), ct), ct);

    private static Task<ApiResult> LockAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.LockAsync(id, request.Caller, request.Form.Get("comment"), ct), ct);

    private static Task<ApiResult> UnlockAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.UnlockAsync(id, request.Caller, request.Form.Get("comment"), ct), ct);

    private static Task<ApiResult> RescueModeAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.RescueModeAsync(id, request.Caller, ct), ct);

    private static Task<ApiResult> ExitRescueModeAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.ExitRescueModeAsync(id, request.Caller, ct), ct);

    private static Task<ApiResult> OverrideFailedTestingAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.OverrideFailedTestingAsync(id, request.Caller, request.Form.Get("comment"), ct), ct);

    private static Task<ApiResult> PowerOnAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.PowerOnAsync(id, request.Caller, request.Form.Get("comment"), ct), ct);

    private static Task<ApiResult> PowerOffAsync(ApiRequest request, CancellationToken ct) =>
        ApplyAsync(request, (ops, id) => ops.PowerOffAsync(id, request.Caller, MachineForms.StopMode(request.Form), request.Form.Get("comment"), ct), ct);

    /// <summary>Runs one Core op on the machine of the path and answers the machine as it is now.</summary>
    private static async Task<ApiResult> ApplyAsync(ApiRequest request, Func<MachineOperations, string, Task<Machine>> op, CancellationToken ct)
    {
        Machine machine = await op(await request.OperationsAsync(ct), SystemId(request));
        PowerSubmission.Submit(request, [machine]);

        return await MachineResponses.OneAsync(request, machine, ct);
    }
}
