namespace Ingot.Core.Machines.Signals;

/// <summary>
/// What a booting machine reports through the metadata API's <c>signal</c> op
/// (<c>SIGNAL_STATUS</c>, <c>src/metadataserver/enum.py</c>). The wire names are in
/// <see cref="SignalStatuses"/>.
/// </summary>
public enum SignalStatus
{
    /// <summary><c>OK</c>: the scripts finished.</summary>
    Ok,

    /// <summary><c>FAILED</c>: the scripts (or the installation) failed.</summary>
    Failed,

    /// <summary><c>WORKING</c>: a progress report.</summary>
    Working,

    /// <summary><c>COMMISSIONING</c>: a NEW machine asks to be commissioned (enlistment).</summary>
    Commissioning,

    /// <summary><c>TESTING</c>: commissioning ended and testing begins.</summary>
    Testing,

    /// <summary><c>TIMEDOUT</c>: a script ran past its time limit.</summary>
    TimedOut,

    /// <summary><c>INSTALLING</c>: packages are being installed.</summary>
    Installing,

    /// <summary><c>APPLYING_NETCONF</c>: custom network configuration is being applied.</summary>
    ApplyingNetconf,

    /// <summary><c>RELEASING</c>.</summary>
    Releasing,

    /// <summary><c>DEPLOYING</c>.</summary>
    Deploying,
}
