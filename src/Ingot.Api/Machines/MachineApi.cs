using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Permissions;
using Ingot.Core.Networks;

namespace Ingot.Api.Machines;

/// <summary>
/// <c>/MAAS/api/2.0/machines/{system_id}/</c> (MAAS's <c>MachineHandler</c>): read, update, delete
/// and the per-machine ops. An unknown system_id, or one the caller may not view, is 404
/// "No Machine matches the given query."; Core's permission rules answer 403 (every edit of a locked machine).
/// </summary>
public static partial class MachineApi
{
    public static ApiResource Resource { get; } = new(
        "machines/{system_id}/",
        new ApiHandler("MachineHandler", "Manage an individual machine.")
            .Read(ReadAsync, "Read a node.\n\nReads a node with the given system_id.")
            .Update(UpdateAsync, """
                Update a machine.

                Administrators only.

                :param hostname: The new hostname.
                :param description: The new description.
                :param domain: The DNS domain name.
                :param architecture: The architecture, e.g. amd64/generic.
                :param min_hwe_kernel: The minimum kernel.
                :param power_type: The power driver.
                :param power_parameters_{param}: A power parameter, e.g. power_parameters_power_address.
                :param zone: Zone name.
                :param pool: Resource pool name.
                :param cpu_count: The number of CPUs.
                :param memory: The memory in MiB.
                """)
            .Delete(DeleteAsync, "Delete a machine.\n\nAdministrators only.")
            .Post("deploy", DeployAsync, """
                Deploy a machine.

                A READY machine is allocated to the caller first.

                :param distro_series: The series to deploy, e.g. jammy or ubuntu/jammy.
                :param user_data: Base64-encoded user data for cloud-init.
                :param hwe_kernel: The kernel to install.
                :param agent_name: Agent name stored on the machine.
                :param comment: Comment for the event log.
                :param enable_hw_sync: Periodically sync the deployed machine's hardware (Linux only).
                """)
            .Post("release", ReleaseAsync, """
                Release a machine.

                :param comment: Comment for the event log.
                :param erase: Erase the disks when releasing.
                :param secure_erase: Use the drive's secure erase feature.
                :param quick_erase: Wipe the start and the end of each disk.
                """)
            .Post("commission", CommissionAsync, """
                Begin commissioning process for a machine.

                :param enable_ssh: Keep the machine on with SSH access when done.
                :param skip_bmc_config: Do not configure the BMC.
                :param skip_networking: Keep the current network configuration.
                :param skip_storage: Keep the current storage configuration.
                :param commissioning_scripts: Commissioning scripts to run (comma-separated).
                :param testing_scripts: Testing scripts to run (comma-separated; none for none).
                """)
            .Post("test", TestAsync, "Begin testing process for a machine.\n\n:param enable_ssh: Keep the machine on with SSH access when done.\n:param testing_scripts: Testing scripts to run.")
            .Post("abort", AbortAsync, CommentDoc("Abort a machine's current operation."))
            .Post("mark_broken", MarkBrokenAsync, "Mark a node as 'broken'.\n\n:param comment: Why the machine is broken.\n:param error_description: Legacy name of comment.")
            .Post("mark_fixed", MarkFixedAsync, CommentDoc("Mark a broken node as fixed."))
            .Post("lock", LockAsync, CommentDoc("Lock a machine so that it cannot be changed."))
            .Post("unlock", UnlockAsync, CommentDoc("Unlock a machine."))
            .Post("rescue_mode", RescueModeAsync, "Enter rescue mode.\n\nBoot the machine into an ephemeral environment.")
            .Post("exit_rescue_mode", ExitRescueModeAsync, "Exit rescue mode.")
            .Post("override_failed_testing", OverrideFailedTestingAsync, CommentDoc("Ignore failed tests."))
            .Post("power_on", PowerOnAsync, "Turn on a node.\n\n:param user_data: Base64-encoded user data.\n:param comment: Comment for the event log.")
            .Post("power_off", PowerOffAsync, "Power off a node.\n\n:param stop_mode: soft or hard (default).\n:param comment: Comment for the event log.")
            .Get("query_power_state", QueryPowerStateAsync, "Query the power state of a node.")
            .Get("power_parameters", PowerParametersAsync, "Get power parameters.\n\nAdministrators only.")
            .Get("details", DetailsAsync, "Get system details.\n\nA BSON document with the machine's lldp and lshw output.")
            .Get("get_curtin_config", CurtinConfigAsync, "Get the curtin configuration.\n\nOnly while deploying or deployed.")
            .Post("set_storage_layout", SetStorageLayoutAsync, StorageLayoutDoc)
            .Post("restore_networking_configuration", RestoreNetworkingAsync, "Restore networking options to their initial state.\n\nAdministrators only; a Ready or Failed testing machine.")
            .Post("restore_storage_configuration", RestoreStorageAsync, "Restore storage configuration options to their initial state.\n\nAdministrators only; a Ready or Failed testing machine.")
            .Post("restore_default_configuration", RestoreDefaultAsync, "Restore the default configuration options.\n\nAdministrators only; a Ready or Failed testing machine.")
            .Post("clear_default_gateways", ClearDefaultGatewaysAsync, "Clear set default gateways.\n\nClear any set default gateways on a machine: both IPv4 and IPv6. Which gateway the machine uses is then chosen by Ingot, as for a machine that never had one set.\n\nAdministrators only.")
            .Get("get_token", TokenAsync, "Get the machine's metadata token.\n\nAdministrators only.")
            .Get("get_registration_command", RegistrationCommandAsync, "Get a one-use command that reports a deployed machine's hardware from its running system.\n\nAdministrators only.")
            .Post("set_workload_annotations", SetAnnotationsAsync, AnnotationsDoc)
            .Post("set_owner_data", SetAnnotationsAsync, AnnotationsDoc));

    private const string AnnotationsDoc = """
        Set key=value data for the current owner.

        An empty value deletes the key.

        :param key: Each key=value pair is stored.
        """;

    private static string CommentDoc(string title) => $"{title}\n\n:param comment: Comment for the event log.";

    private static string SystemId(ApiRequest request) => request.Route("system_id");

    internal static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Queries().GetAsync(SystemId(request), request.Caller, NodePermission.View, ct);
        return await MachineResponses.OneAsync(request, machine, ct);
    }

    private static async Task<ApiResult> UpdateAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Editor().UpdateAsync(SystemId(request), request.Caller, MachineForms.Edit(request.Form), ct);
        return await MachineResponses.OneAsync(request, machine, ct);
    }

    internal static async Task<ApiResult> DeleteAsync(ApiRequest request, CancellationToken ct)
    {
        await (await request.OperationsAsync(ct)).DeleteAsync(SystemId(request), request.Caller, ct);
        return ApiResult.Deleted();
    }

    private static async Task<ApiResult> ClearDefaultGatewaysAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await request.Service<InterfaceLinking>().ClearDefaultGatewaysAsync(request.Caller, SystemId(request), ct);
        return await MachineResponses.OneAsync(request, machine, ct);
    }

    private static async Task<ApiResult> SetAnnotationsAsync(ApiRequest request, CancellationToken ct)
    {
        Machine machine = await (await request.OperationsAsync(ct))
            .SetWorkloadAnnotationsAsync(SystemId(request), request.Caller, MachineForms.Annotations(request.Form), ct);
        return await MachineResponses.OneAsync(request, machine, ct);
    }
}
