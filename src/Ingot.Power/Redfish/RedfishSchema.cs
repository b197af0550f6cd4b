using Ingot.Core.Power;

namespace Ingot.Power.Redfish;

/// <summary>MAAS's <c>redfish</c> power type (<c>RedfishPowerDriver.settings</c>; a chassis driver).</summary>
public static class RedfishSchema
{
    public const string Name = "redfish";

    public static PowerTypeSchema Schema { get; } = new(Name, "Redfish",
    [
        new("power_address", "Redfish address") { Required = true },
        new("power_user", "Redfish user") { Required = true },
        PowerParameterField.Password("power_pass", "Redfish password", required: true),
        new("node_id", "Node ID") { Scope = PowerParameterScope.Node },
    ])
    {
        Chassis = true,
        IpExtractorField = "power_address",
    };
}
