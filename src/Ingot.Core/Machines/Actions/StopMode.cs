namespace Ingot.Core.Machines.Actions;

/// <summary>MAAS's <c>stop_mode</c> for power off: <c>hard</c> (default) or <c>soft</c>.</summary>
public enum StopMode
{
    Hard,
    Soft,
}
