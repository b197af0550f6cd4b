using Ingot.Core.Events;
using Ingot.Core.Machines.Actions;
using Ingot.Core.Power;
using Ingot.Core.Users;

namespace Ingot.Core.Machines;

public sealed partial class Machine
{
    /// <summary>The <c>wipe-disks</c> input <c>secure_erase</c> of the current disk erasing.</summary>
    public bool SecureErase { get; set; }

    /// <summary>The <c>wipe-disks</c> input <c>quick_erase</c> of the current disk erasing.</summary>
    public bool QuickErase { get; set; }

    /// <summary>
    /// <c>start_releasing</c>: with <see cref="ReleaseOptions.Erase"/> (or the
    /// <c>enable_disk_erasing_on_release</c> setting) the machine boots the
    /// ephemeral environment to wipe its disks (DISK_ERASING, which MAAS never arms an expiry
    /// for); otherwise it is released at once (<see cref="Release"/>).
    /// </summary>
    public void StartReleasing(Actor actor, DateTime now, LifecycleSettings settings, ReleaseOptions? options = null)
    {
        options = settings.WithEraseDefaults(options ?? ReleaseOptions.Default);
        if (!options.Erase)
        {
            Release(actor, now, settings, options.Comment);
            return;
        }

        RequireTransition(MachineStatus.DiskErasing);
        bool secure = options.SecureErase == true, quick = options.QuickErase == true;
        string flags = (secure, quick) switch
        {
            (true, true) => " (secure erase, quick erase)",
            (true, false) => " (secure erase)",
            (false, true) => " (quick erase)",
            _ => "",
        };
        Record(EventTypes.RequestNodeEraseDisk, (options.Comment ?? "") + flags, now, actor.Username);
        TransitionTo(MachineStatus.DiskErasing, now, actor.Username);
        BeginScriptRun();
        SecureErase = secure;
        QuickErase = quick;
        SetStatusExpires(null);
        RequestPowerOnOrCycle(now);
    }

    /// <summary><c>release</c>: REQUEST_NODE_RELEASE, then <c>_release</c>.</summary>
    public void Release(Actor actor, DateTime now, LifecycleSettings settings, string? comment = null)
    {
        RequireTransition(MachineStatus.Releasing);
        Record(EventTypes.RequestNodeRelease, comment ?? "", now, actor.Username);
        ReleaseCore(actor, now, settings);
    }

    /// <summary>
    /// <c>_finalize_release</c>: READY when the last commissioning passed, else NEW; owner cleared;
    /// a RELEASED event; the owner data deleted.
    /// </summary>
    public void FinalizeRelease(Actor actor, DateTime now)
    {
        MachineStatus to = CommissioningResult == ScriptSetStatus.Passed ? MachineStatus.Ready : MachineStatus.New;
        TransitionTo(to, now, actor.Username);
        SetOwner(null);
        OwnerData.Clear();
        Record(EventTypes.Released, "", now, actor.Username);
    }

    /// <summary>
    /// <c>_release</c>: power off unless already off; RELEASING; deployment fields (and the hardware-sync fields) reset; netboot
    /// on. Finalised at once when power is already off or cannot be queried; otherwise the
    /// 5-minute expiry is armed and the power report (<see cref="UpdatePowerState"/>) finishes it.
    /// </summary>
    private void ReleaseCore(Actor actor, DateTime now, LifecycleSettings settings)
    {
        bool alreadyOff = PowerState == PowerState.Off;
        RequestPowerOffIfNotOff(now);
        TransitionTo(MachineStatus.Releasing, now, actor.Username);
        AgentName = "";
        Osystem = "";
        DistroSeries = "";
        HweKernel = "";
        UserData = "";
        EphemeralDeploy = false;
        ClearHardwareSync();
        Netboot = true;
        if (alreadyOff || !IsPowerQueryable)
        {
            FinalizeRelease(actor, now);
        }
        else
        {
            ArmExpiry(now, settings);
        }
    }
}
