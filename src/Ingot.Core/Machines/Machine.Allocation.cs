using Ingot.Core.Events;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// <c>acquire</c>: the machine must be unowned or owned by the actor; REQUEST_NODE_ACQUIRE;
    /// ALLOCATED (validated); the actor becomes owner; <paramref name="agentName"/> is stored.
    /// </summary>
    public void Acquire(Actor actor, DateTime now, string agentName = "", string? comment = null)
    {
        if (Owner is not null && Owner != actor.Username)
        {
            throw MachineOperationException.StateViolation("Can't allocate a machine belonging to another user.");
        }

        RequireTransition(MachineStatus.Allocated);

        Record(EventTypes.RequestNodeAcquire, comment ?? "", now, actor.Username);
        TransitionTo(MachineStatus.Allocated, now, actor.Username);
        SetOwner(actor.Username);
        AgentName = agentName;
    }

    /// <summary>
    /// <c>start</c> on an ALLOCATED machine (<c>_start_deployment</c>): REQUEST_NODE_START_DEPLOYMENT,
    /// DEPLOYING (validated), the operating system, user-data, ephemeral_deploy and enable_hw_sync recorded (with the
    /// configured <c>sync_interval</c>), power on (or cycle when on).
    /// <para>
    /// Deploy timeout: MAAS does not arm <c>status_expires</c> for DEPLOYING; it passes
    /// <c>timeout = 2 * node_timeout</c> to its Temporal deploy workflow, which marks the machine
    /// failed when it runs out. Ingot has no workflow engine, so the same bound is stored as the
    /// expiry (now + 2 × node_timeout) and the status monitor enforces it, durably.
    /// </para>
    /// </summary>
    public void StartDeployment(Actor actor, DateTime now, LifecycleSettings settings, DeployOptions? options = null)
    {
        options ??= DeployOptions.Default;
        RequireTransition(MachineStatus.Deploying);

        Record(EventTypes.RequestNodeStartDeployment, options.Comment ?? "", now, actor.Username);
        TransitionTo(MachineStatus.Deploying, now, actor.Username);
        Osystem = options.Osystem.Length > 0 ? options.Osystem : DeployOptions.DefaultOsystem;
        DistroSeries = options.DistroSeries.Length > 0 ? options.DistroSeries : DeployOptions.DefaultDistroSeries;
        HweKernel = options.HweKernel;
        UserData = options.UserData;
        // MAAS's deploy op stores "ephemeral_deploy or is_diskless": a diskless machine is deployed to memory.
        EphemeralDeploy = options.EphemeralDeploy || BlockDevices.Count == 0;
        SetHardwareSync(options.EnableHwSync, settings);
        SetStatusExpires(now.AddMinutes(settings.ExpiryMinutes(MachineStatus.Deploying)!.Value));
        RequestPowerOnOrCycle(now);
    }
}
