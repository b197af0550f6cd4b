namespace Ingot.Core.Scripts;

/// <summary>MAAS's <c>SCRIPT_STATUS</c> (<c>src/maascommon/enums/scriptresult.py</c>), with its integer values.</summary>
public enum ScriptStatus
{
    Pending = 0,
    Running = 1,
    Passed = 2,
    Failed = 3,
    TimedOut = 4,
    Aborted = 5,
    Degraded = 6,
    Installing = 7,
    FailedInstalling = 8,
    Skipped = 9,
    ApplyingNetconf = 10,
    FailedApplyingNetconf = 11,
}
