using Ingot.Power.Ipmi;
using Ingot.Power.Manual;
using Ingot.Power.Redfish;
using Ingot.Power.Webhook;

namespace Ingot.Power;

/// <summary>The registry of Ingot's drivers: manual, ipmi (FreeIPMI), redfish and webhook.</summary>
public static class PowerDrivers
{
    public static PowerDriverRegistry CreateRegistry(RedfishOptions? redfish = null, IpmiOptions? ipmi = null) => new(
    [
        new ManualPowerDriver(),
        new IpmiPowerDriver(new Processes.ProcessRunner(), ipmi ?? new IpmiOptions()),
        new RedfishPowerDriver(redfish ?? new RedfishOptions()),
        new WebhookPowerDriver(),
    ]);
}
