using Ingot.Core.Power;

namespace Ingot.Power.Redfish;

/// <summary>
/// MAAS's reading of a ComputerSystem's <c>PowerState</c>: Off and PoweringOn are off; On, Paused and
/// PoweringOff are on; Reset, Unknown and a missing value are worth asking again (a retried error);
/// anything else is an error.
/// </summary>
public static class RedfishPowerStates
{
    public static PowerState Read(string? powerState) => powerState switch
    {
        "Off" or "PoweringOn" => PowerState.Off,
        "On" or "Paused" or "PoweringOff" => PowerState.On,
        null or "Reset" or "Unknown" => throw new PowerException(PowerErrorKind.General, $"The BMC reports the power state '{powerState ?? "null"}'."),
        _ => PowerState.Error,
    };
}
