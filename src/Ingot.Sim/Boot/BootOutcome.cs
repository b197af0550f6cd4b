namespace Ingot.Sim.Boot;

/// <summary>How a network boot ended (<see cref="BootDecision"/>).</summary>
public enum BootOutcome
{
    Ephemeral,
    LocalDisk,
    Failed,
}
