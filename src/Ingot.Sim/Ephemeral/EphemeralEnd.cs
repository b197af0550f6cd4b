namespace Ingot.Sim.Ephemeral;

/// <summary>How an ephemeral environment (or an installed system's first boot) ends: cloud-init's <c>power_state</c>, or staying up.</summary>
public enum EphemeralEnd
{
    PowerOff,
    Reboot,
    StayOn,
}
