using Ingot.Core.Events;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// <c>end_deployment</c>: the deployed OS's cloud-init fetched its user-data, so DEPLOYING
    /// becomes DEPLOYED (validated) with an IMAGE_DEPLOYED event. MAAS calls it from the metadata
    /// API's user-data handler only while the machine is deploying; in any other status the fetch
    /// changes nothing, so this returns false.
    /// </summary>
    public bool EndDeployment(DateTime now)
    {
        if (Status != MachineStatus.Deploying)
        {
            return false;
        }

        TransitionTo(MachineStatus.Deployed, now);
        Record(EventTypes.ImageDeployed, $"{Osystem}/{DistroSeries}".Trim('/'), now);
        return true;
    }
}
