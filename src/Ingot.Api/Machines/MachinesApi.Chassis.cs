using Ingot.Api.Wire;
using Ingot.Core.Enlistment.Chassis;
using Ingot.Core.Forms;

namespace Ingot.Api.Machines;

public static partial class MachinesApi
{
    internal const string AddChassisDoc = """
        Add special hardware types.

        Ingot reaches one kind of chassis: redfish, a Redfish service whose Systems are the machines (each added
        with the redfish power type and its node_id). MAAS's other chassis types are refused.

        :param chassis_type: The type of hardware: redfish (MAAS's hmcz, mscm, msftocs, powerkvm, proxmox, recs_box, sm15k, ucsm, virsh and vmware are not supported by Ingot).
        :param hostname: The URL, hostname, or IP address to access the chassis.
        :param username: The username used to access the chassis.
        :param password: The password used to access the chassis.
        :param accept_all: If true, all enlisted machines will be commissioned.
        :param domain: The domain that each new machine added should use.
        :param prefix_filter: Only the chassis's machines whose id starts with this.
        """;

    /// <summary>
    /// <c>op=add_chassis</c> (admin): MAAS's text answer, "Asking RACK to add machines from chassis HOST"; Ingot
    /// has added the machines by the time it answers.
    /// </summary>
    private static async Task<ApiResult> AddChassisAsync(ApiRequest request, CancellationToken ct)
    {
        AdminOnly.Demand(request.Caller);
        ChassisRequest chassis = ChassisForm.Parse(request.Form.Get);
        await (await request.AddingAsync(ct)).AddChassisAsync(chassis, request.Caller, ct);
        return ApiResult.Text($"Asking {Environment.MachineName.ToLowerInvariant()} to add machines from chassis {chassis.Hostname}");
    }
}
