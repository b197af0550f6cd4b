using Ingot.Power.Ipmi;
using Ingot.Power.Manual;
using Ingot.Power.Redfish;
using Ingot.Power.Webhook;

namespace Ingot.Power;

/// <summary>The registry of Ingot's drivers: manual, ipmi (FreeIPMI), redfish and webhook.</summary>
public static class PowerDrivers
{
    public static PowerDriverRegistry CreateRegistry(RedfishOptions? redfish = null, IpmiOptions? ipmi = null) =>
        CreateRegistry(redfish, ipmi, d => d);

    /// <summary>The registry with every driver passed through <paramref name="wrap"/> (the host adds logging of each BMC action).</summary>
    public static PowerDriverRegistry CreateRegistry(RedfishOptions? redfish, IpmiOptions? ipmi, Func<IPowerDriver, IPowerDriver> wrap)
    {
        ArgumentNullException.ThrowIfNull(wrap);
        IPowerDriver[] drivers =
        [
            new ManualPowerDriver(),
            new IpmiPowerDriver(new Processes.ProcessRunner(), ipmi ?? new IpmiOptions()),
            new RedfishPowerDriver(redfish ?? new RedfishOptions()),
            new WebhookPowerDriver(),
        ];
        return new PowerDriverRegistry(drivers.Select(wrap));
    }
}
