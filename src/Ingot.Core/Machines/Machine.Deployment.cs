using Ingot.Core.Events;
using Ingot.Core.Hardware;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// The <c>user_data</c> given to <c>deploy</c>, as sent (MAAS documents it as base64; the
    /// metadata API decodes it when it is valid base64 and serves it as is otherwise). "" for none.
    /// Cleared on release.
    /// </summary>
    public string UserData { get; set; } = "";

    /// <summary>MAAS 3.5's <c>ephemeral_deploy</c>: deployed to memory, the ephemeral image is the OS.</summary>
    public bool EphemeralDeploy { get; set; }

    /// <summary>
    /// MAAS's <c>ephemeral_deployment</c>: deployed (or deploying) to memory, because asked to or
    /// because the machine has no disk. False in every other status.
    /// </summary>
    public bool IsEphemeralDeployment =>
        Status is MachineStatus.Deploying or MachineStatus.Deployed && (EphemeralDeploy || BlockDevices.Count == 0);

    /// <summary>
    /// MAAS's <c>Node.on_network</c>: some interface has a link that is not LINK_UP and names a subnet (an AUTO,
    /// STATIC or DHCP link on a known subnet). A deployment refuses to start without one
    /// (<see cref="Actions.DeploymentChecks.CheckNetwork"/>). Every interface counts, whatever its type or state.
    /// </summary>
    public bool OnNetwork =>
        Interfaces.Any(nic => nic.Links.Any(link => link.Mode != LinkMode.LinkUp && link.Subnet is not null));

    /// <summary>
    /// <c>end_deployment</c>: the deployed OS's cloud-init fetched its user-data, so DEPLOYING
    /// becomes DEPLOYED (validated) with an IMAGE_DEPLOYED event. MAAS calls it from the metadata
    /// API's user-data handler only while the machine is deploying; in any other status the fetch
    /// changes nothing, so this returns false. With hardware sync on, <see cref="LastSync"/> is set.
    /// </summary>
    public bool EndDeployment(DateTime now)
    {
        if (Status != MachineStatus.Deploying)
        {
            return false;
        }

        TransitionTo(MachineStatus.Deployed, now);
        RecordHardwareSync(now);
        Record(EventTypes.ImageDeployed, $"{Osystem}/{DistroSeries}".Trim('/'), now);
        return true;
    }

    /// <summary>
    /// Curtin started or finished one of its <c>cmd-install</c> stages: MAAS resets the status
    /// timeout, so a long but progressing installation is not failed. The deploy bound
    /// (2 x node_timeout) starts again from <paramref name="now"/>.
    /// </summary>
    public bool ResetDeploymentTimeout(DateTime now, LifecycleSettings settings)
    {
        if (Status != MachineStatus.Deploying)
        {
            return false;
        }

        SetStatusExpires(now.AddMinutes(settings.ExpiryMinutes(MachineStatus.Deploying)!.Value));
        return true;
    }
}
