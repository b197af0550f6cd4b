using Ingot.Core.Machines;

namespace Ingot.Core.Enlistment.Chassis;

/// <summary>
/// The form of <c>add_chassis</c> as MAAS checks it (<c>MachinesHandler.add_chassis</c>): <c>chassis_type</c>
/// one of MAAS's chassis types ("Invalid chassis_type: Value must be one of: …"), then <c>hostname</c>
/// ("No provided hostname!"). Ingot reaches one kind of chassis: <c>redfish</c> (Ingot's own type: a Redfish
/// service's Systems collection), which needs <c>username</c> and <c>password</c> and takes <c>prefix_filter</c>;
/// MAAS's other types are refused with "chassis type X is not supported by Ingot", and options that belong to
/// other types with MAAS's "X is unavailable with the Y chassis type". Every refusal is 400 text.
/// </summary>
public static class ChassisForm
{
    public const string Redfish = "redfish";

    /// <summary>MAAS's chassis types (<c>add_chassis</c>'s <c>OneOf</c>).</summary>
    public static IReadOnlyList<string> MaasTypes { get; } = ["hmcz", "mscm", "msftocs", "powerkvm", "proxmox", "recs_box", "sm15k", "ucsm", "virsh", "vmware"];

    /// <summary>Options of MAAS's other chassis types.</summary>
    private static readonly string[] s_otherOptions = ["power_control", "port", "protocol", "token_name", "token_secret", "verify_ssl"];

    /// <summary>Checks the form (<paramref name="field"/> gives a field's value, or null when absent).</summary>
    public static ChassisRequest Parse(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string type = Mandatory(field, "chassis_type");
        if (type != Redfish && !MaasTypes.Contains(type, StringComparer.Ordinal))
        {
            throw Refused($"Invalid chassis_type: Value must be one of: {string.Join("; ", [.. MaasTypes, Redfish])} (not '{type}')");
        }

        string hostname = Mandatory(field, "hostname");
        if (type != Redfish)
        {
            throw Refused($"chassis type {type} is not supported by Ingot");
        }

        string username = Mandatory(field, "username");
        string password = Mandatory(field, "password");
        foreach (string option in s_otherOptions)
        {
            if (field(option) is not null)
            {
                throw Refused($"{option} is unavailable with the {type} chassis type");
            }
        }

        return new ChassisRequest
        {
            ChassisType = type,
            Hostname = hostname,
            Username = username,
            Password = password,
            AcceptAll = string.Equals(field("accept_all"), "true", StringComparison.OrdinalIgnoreCase),
            Domain = field("domain"),
            PrefixFilter = field("prefix_filter"),
        };
    }

    private static string Mandatory(Func<string, string?> field, string name) => field(name) ?? throw Refused($"No provided {name}!");

    private static MachineOperationException Refused(string message) => MachineOperationException.Validation(message);
}
