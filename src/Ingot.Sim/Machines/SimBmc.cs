namespace Ingot.Sim.Machines;

/// <summary>What kind of BMC the simulated machines have (<c>ingot sim --bmc</c>).</summary>
public enum SimBmc
{
    /// <summary>One virtual Redfish service, a ComputerSystem per machine (power type <c>redfish</c>).</summary>
    Redfish,

    /// <summary>An <c>ipmi_sim</c> BMC per machine on a loopback UDP port (power type <c>ipmi</c>).</summary>
    Ipmi,
}
