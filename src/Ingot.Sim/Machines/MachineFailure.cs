namespace Ingot.Sim.Machines;

/// <summary>One machine's injected failure; <see cref="Script"/> names the failing script for <see cref="FailureKind.Script"/>.</summary>
public sealed record MachineFailure(FailureKind Kind, string? Script = null)
{
    public static MachineFailure None { get; } = new(FailureKind.None);

    public override string ToString() => Kind switch
    {
        FailureKind.None => "none",
        FailureKind.Script => $"script:{Script}",
        FailureKind.DeadDisk => "disk",
        FailureKind.Hang => "hang",
        FailureKind.Bmc => "bmc",
        FailureKind.Installer => "install",
        FailureKind.Erase => "erase",
        FailureKind.Rescue => "rescue",
        _ => "no-lease",
    };
}
