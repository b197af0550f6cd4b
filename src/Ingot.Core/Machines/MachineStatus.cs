namespace Ingot.Core.Machines;

/// <summary>
/// MAAS's node statuses with MAAS's integer values (<c>NodeStatus</c> in
/// <c>src/maascommon/enums/node.py</c>). <c>DEFAULT</c> is MAAS's alias of <see cref="New"/>.
/// </summary>
public enum MachineStatus
{
    New = 0,
    Commissioning = 1,
    FailedCommissioning = 2,
    Missing = 3,
    Ready = 4,
    Reserved = 5,
    Deployed = 6,
    Retired = 7,
    Broken = 8,
    Deploying = 9,
    Allocated = 10,
    FailedDeployment = 11,
    Releasing = 12,
    FailedReleasing = 13,
    DiskErasing = 14,
    FailedDiskErasing = 15,
    RescueMode = 16,
    EnteringRescueMode = 17,
    FailedEnteringRescueMode = 18,
    ExitingRescueMode = 19,
    FailedExitingRescueMode = 20,
    Testing = 21,
    FailedTesting = 22,
}
