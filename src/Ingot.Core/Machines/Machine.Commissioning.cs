using Ingot.Core.Events;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>
    /// <c>start_commissioning</c>: needs a power type; COMMISSIONING (validated); the actor becomes
    /// owner; the storage and network configuration are cleared unless skipped
    /// (<see cref="ResetConfigurationForCommissioning"/>); the commissioning result is Running; the expiry is armed for node_timeout minutes;
    /// power on (or cycle when on). Permission is the caller's check.
    /// </summary>
    public void StartCommissioning(Actor actor, DateTime now, LifecycleSettings settings, CommissioningOptions? options = null)
    {
        options ??= CommissioningOptions.Default;
        RequirePowerType();
        RequireTransition(MachineStatus.Commissioning);

        Record(EventTypes.RequestNodeStartCommissioning, "", now, actor.Username);
        TransitionTo(MachineStatus.Commissioning, now, actor.Username);
        SetOwner(actor.Username);
        EnableSsh = options.EnableSsh;
        ResetConfigurationForCommissioning(options.SkipNetworking, options.SkipStorage);
        CommissioningResult = ScriptSetStatus.Running;
        BeginScriptRun();
        ArmExpiry(now, settings);
        RequestPowerOnOrCycle(now);
    }

    /// <summary>
    /// <c>start_testing</c>: needs a power type; a NEW machine must have been commissioned; TESTING
    /// (validated); the actor becomes owner only if there is none; expiry armed; power on or cycle.
    /// </summary>
    public void StartTesting(Actor actor, DateTime now, LifecycleSettings settings, bool enableSsh = false)
    {
        RequirePowerType();
        if (Status == MachineStatus.New && CommissioningResult is null)
        {
            throw MachineOperationException.Validation(
                "Unable to start machine testing; this node has never been commissioned. Please use the 'Commission' action to commission & test this machine.");
        }

        RequireTransition(MachineStatus.Testing);

        Record(EventTypes.RequestNodeStartTesting, "", now, actor.Username);
        TransitionTo(MachineStatus.Testing, now, actor.Username);
        if (Owner is null)
        {
            SetOwner(actor.Username);
        }

        EnableSsh = enableSsh;
        BeginScriptRun();
        ArmExpiry(now, settings);
        RequestPowerOnOrCycle(now);
    }

    /// <summary>
    /// <c>accept_enlistment</c>: READY or COMMISSIONING is a no-op (false); NEW starts
    /// commissioning (true); anything else is refused with MAAS's text.
    /// </summary>
    public bool AcceptEnlistment(Actor actor, DateTime now, LifecycleSettings settings)
    {
        if (Status is MachineStatus.Ready or MachineStatus.Commissioning)
        {
            return false;
        }

        if (Status != MachineStatus.New)
        {
            throw MachineOperationException.StateViolation(
                $"Cannot accept node enlistment: node {SystemId} is in state {Status.Label()}.");
        }

        StartCommissioning(actor, now, settings);
        return true;
    }

    private void RequirePowerType()
    {
        if (PowerType.Length == 0)
        {
            throw MachineOperationException.UnknownPowerType();
        }
    }

    /// <summary>Checks a validated transition before anything is changed, so a refusal changes nothing.</summary>
    private void RequireTransition(MachineStatus to)
    {
        if (!NodeTransitions.IsAllowed(Status, to))
        {
            throw MachineOperationException.StateViolation(NodeTransitions.InvalidTransitionMessage(Status, to));
        }
    }

    /// <summary><c>_set_status_expires</c>: now + <c>get_node_timeout(status)</c>.</summary>
    private void ArmExpiry(DateTime now, LifecycleSettings settings) =>
        SetStatusExpires(settings.TimeoutMinutes(Status) is { } minutes ? now.AddMinutes(minutes) : null);
}
