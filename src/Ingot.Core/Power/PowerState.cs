namespace Ingot.Core.Power;

/// <summary>MAAS's <c>POWER_STATE</c>: on, off, unknown, error.</summary>
public enum PowerState
{
    Unknown,
    On,
    Off,
    Error,
}
